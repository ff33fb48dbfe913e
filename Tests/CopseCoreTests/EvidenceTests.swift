import CopseMarkdown
import Testing
@testable import CopseCore

@Suite struct EvidenceTests {
    static let config = Config(title: "Hub", principles: ["inclusive", "collaborative", "independent", "responsible"], conferences: [
        Config.Conference(id: "2026", name: "Conference 2026", date: Day(iso: "2026-03-14")!),
        Config.Conference(id: "2027", name: "Conference 2027", date: Day(iso: "2027-03-13")!),
    ])

    func build(_ files: [String: String], config: Config = Self.config, today: Day = Day(iso: "2026-11-21")!) -> (Site, [String]) {
        var pages: [ParsedPage] = []
        var problems: [String] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let parsed = PageParser.parse(source: "content/" + path, contentPath: path, bytes: Array(text.utf8), markdown: MarkdownOptions())
            if let page = parsed.value { pages.append(page) }
            problems += parsed.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
        let site = SiteIndex.build(config: config, pages: pages, staticFiles: [], options: .init(today: today))
        return (site.value!, problems + site.diagnostics.filter { $0.severity == .error }.map(\.description))
    }

    @Test func itemsTakeTheirConferenceFromTheWindowOfTheirDate() {
        let (site, problems) = build([
            "communities/a/community.md": "---\ntitle: A\n---\n",
            "communities/a/meetings/2026-03-14-last-day.md": "---\nevidence:\n  summary: On the day.\n  principles: [responsible, inclusive]\n  value: Applied\n---\n",
            "communities/a/meetings/2026-03-15-first-day.md": "---\nevidence:\n  summary: Next window.\n---\n",
            "communities/a/resources/kit.md": "---\nevidence:\n  summary: Chosen by hand.\n  conference: \"2026\"\n  kind: photo\n---\n",
        ])
        #expect(problems == [])
        #expect(site.evidence.map(\.conference) == ["2026", "2026", "2027"])
        #expect(site.evidence.map(\.summary) == ["Chosen by hand.", "On the day.", "Next window."])
        #expect(site.evidence[1].principles == ["inclusive", "responsible"])
        #expect(site.evidence[1].value == .applied)
        #expect(site.evidence[0].kind == "photo")
    }

    @Test func everyProblemIsReportedAtItsKey() {
        let (_, problems) = build([
            "communities/a/meetings/2026-01-10-x.md": """
            ---
            evidence:
              sumary: Typo in the key.
              principles: [inclusive, colaborative]
              value: great
              conference: "2029"
            ---
            """,
            "communities/a/meetings/2027-05-01-y.md": "---\nevidence:\n  summary: After every conference.\n---\n",
            "communities/a/notes.md": "---\nevidence:\n  summary: No date, no conference.\n---\n",
        ])
        #expect(problems == [
            """
            content/communities/a/meetings/2026-01-10-x.md:2:1: error: evidence has no summary
                hint: add 'summary: …' under 'evidence:': one or two sentences on what happened and what it shows
            """,
            """
            content/communities/a/meetings/2026-01-10-x.md:3:3: error: unknown key 'sumary' in evidence
                hint: did you mean 'summary'?
            """,
            """
            content/communities/a/meetings/2026-01-10-x.md:4:1: error: 'colaborative' is not one of the hub's principles
                hint: did you mean 'collaborative'? the principles in copse.yml are: inclusive, collaborative, independent, responsible
            """,
            """
            content/communities/a/meetings/2026-01-10-x.md:5:1: error: 'great' is not a stage of value
                hint: use one of: immediate, potential, applied, realised, reframing
            """,
            """
            content/communities/a/meetings/2026-01-10-x.md:6:1: error: there is no conference '2029' in copse.yml
                hint: did you mean '2026'? the conferences are: 2026, 2027
            """,
            """
            content/communities/a/meetings/2027-05-01-y.md:2:1: error: no conference collects evidence dated 2027-05-01
                hint: add 'conference: <id>' under 'evidence:' (conferences: 2026, 2027), or add the next conference to copse.yml
            """,
            """
            content/communities/a/notes.md:2:1: error: this evidence names no conference and the page has no date
                hint: add 'conference: 2027' under 'evidence:', or a 'date:' to the page
            """,
        ])
    }

    @Test func evidenceOnPrivateAndDraftPagesIsNeverIndexed() {
        let (site, problems) = build([
            "communities/a/secret.md": "---\nprivate: true\ndate: 2026-05-01\nevidence:\n  summary: Named a pupil.\n---\n",
            "communities/a/soon.md": "---\ndraft: true\ndate: 2026-05-01\nevidence:\n  summary: Not yet.\n---\n",
            "communities/a/public.md": "---\ndate: 2026-05-01\nevidence:\n  summary: Shared.\n---\n",
        ])
        #expect(problems == [])
        #expect(site.evidence.map(\.summary) == ["Shared."])
    }
}
