import CopseMarkdown
import Testing
@testable import CopseCore

/// A small hub in memory: content path -> file text.
func index(_ files: [String: String], statics: [String] = [], drafts: Bool = false,
           today: Day = Day(year: 2026, month: 11, day: 21)!) -> (Site, [Diagnostic]) {
    var pages: [ParsedPage] = []
    var diagnostics: [Diagnostic] = []
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
        let parsed = PageParser.parse(source: "content/" + path, contentPath: path, bytes: Array(text.utf8), markdown: MarkdownOptions())
        if let page = parsed.value { pages.append(page) }
        diagnostics += parsed.diagnostics
    }
    let site = SiteIndex.build(config: Config(title: "Hub"), pages: pages, staticFiles: statics.map(StaticFile.init),
                               options: .init(includeDrafts: drafts, today: today))
    return (site.value!, diagnostics + site.diagnostics)
}

@Suite struct PlacementTests {
    @Test(arguments: [
        ("index.md", PageKind.home, "index.html"),
        ("agreement.md", .document, "agreement/index.html"),
        ("guides/index.md", .document, "guides/index.html"),
        ("resources/pair-guide.md", .resource, "resources/pair-guide/index.html"),
        ("communities/leeds/community.md", .community, "communities/leeds/index.html"),
        ("communities/leeds/charter.md", .document, "communities/leeds/charter/index.html"),
        ("communities/leeds/meetings/2026-01-05-start.md", .meeting, "communities/leeds/meetings/2026-01-05-start/index.html"),
        ("communities/leeds/resources/quiz.md", .resource, "communities/leeds/resources/quiz/index.html"),
        ("communities/leeds/archive/old.md", .document, "communities/leeds/archive/old/index.html"),
    ])
    func placesPages(path: String, kind: PageKind, output: String) {
        let placement = PagePlacement(contentPath: path)
        #expect(placement.kind == kind)
        #expect(placement.outputPath == output)
    }

    @Test func foundingDocumentsAreRecognised() {
        #expect(PagePlacement(contentPath: "communities/a/plan.md").founding == .plan)
        #expect(PagePlacement(contentPath: "communities/a/archive/plan.md").founding == nil)
        #expect(PagePlacement.dateFromFileName("communities/a/meetings/2026-01-05-start.md") == Day(year: 2026, month: 1, day: 5))
        #expect(PagePlacement.dateFromFileName("communities/a/meetings/start.md") == nil)
    }
}

@Suite struct SiteIndexTests {
    @Test func groupsACommunityInTemplateOrder() throws {
        let (site, diagnostics) = index([
            "communities/leeds/community.md": "---\ntitle: Leeds Computing\n---\n",
            "communities/leeds/plan.md": "# Plan\n",
            "communities/leeds/norms.md": "# Norms\n",
            "communities/leeds/charter.md": "# Charter\n",
            "communities/leeds/about.md": "# About us\n",
            "communities/leeds/meetings/2026-12-01-next.md": "# Next\n",
            "communities/leeds/meetings/2026-01-05-first.md": "---\ndate: 2026-01-05\n---\n# First\n",
        ])
        #expect(diagnostics.isEmpty)
        let leeds = try #require(site.communities.first)
        #expect(leeds.title == "Leeds Computing")
        #expect(leeds.documents.map { site.pages[$0].title } == ["Charter", "Norms", "Plan", "About us"])
        #expect(leeds.meetings.map { site.pages[$0].date?.iso } == ["2026-01-05", "2026-12-01"])
    }

    @Test func privateAndDraftPagesAreNotPublished() {
        let files = [
            "index.md": "Home\n",
            "secret.md": "---\nprivate: true\n---\n",
            "wip.md": "---\ndraft: true\n---\n",
        ]
        #expect(index(files).0.pages.map(\.parsed.contentPath) == ["index.md"])
        #expect(index(files, drafts: true).0.pages.map(\.parsed.contentPath) == ["index.md", "wip.md"])
    }

    @Test func aPrivateProfileHidesTheWholeCommunityAndItsFiles() {
        let (site, diagnostics) = index([
            "communities/quiet/community.md": "---\nprivate: true\n---\n",
            "communities/quiet/charter.md": "# Charter\n",
            "index.md": "[quiet](communities/quiet/charter.md)\n",
        ], statics: ["communities/quiet/photo.jpg", "logo.png"])
        #expect(site.pages.map(\.parsed.contentPath) == ["index.md"])
        #expect(site.staticFiles == [StaticFile(contentPath: "logo.png")])
        #expect(diagnostics.map(\.message) == ["[link 1/1] links to a private page 'communities/quiet/charter.md'"])
    }

    @Test func meetingsNeedADate() {
        let (_, diagnostics) = index(["communities/a/meetings/kick-off.md": "# Kick-off\n"])
        #expect(diagnostics.contains { $0.description.hasPrefix("content/communities/a/meetings/kick-off.md:1:1: error: meeting notes have no date") })
    }

    @Test func frontMatterDateWinsOverTheFileNameWithAWarning() throws {
        let (site, diagnostics) = index([
            "communities/a/community.md": "",
            "communities/a/meetings/2026-01-05-x.md": "---\ntitle: X\ndate: 2026-01-06\n---\n",
        ])
        #expect(site.pages.first { $0.kind == .meeting }?.date?.iso == "2026-01-06")
        #expect(diagnostics.map(\.description) == ["""
        content/communities/a/meetings/2026-01-05-x.md:3:1: warning: the date 2026-01-06 differs from the date in the file name (2026-01-05)
            hint: rename the file or correct the date; the front-matter date is used
        """])
    }

    @Test func twoFilesForOneAddressAreBothReported() {
        let (_, diagnostics) = index(["guides.md": "", "guides/index.md": ""])
        #expect(diagnostics.map(\.location.path) == ["content/guides.md", "content/guides/index.md"])
        #expect(diagnostics.allSatisfy { $0.message.contains("would both be written to guides/index.html") })
    }

    @Test func reservedAddressesAreProtected() {
        let (_, diagnostics) = index(["resources/index.md": ""])
        #expect(diagnostics.map(\.message) == ["this page would be written to resources/index.html, which copse uses for the resource commons"])
    }

    @Test func feedCalendarSitemapAndRobotsAddressesAreProtected() {
        let (_, diagnostics) = index(["communities/leeds/community.md": "# Leeds\n"],
                                     statics: ["robots.txt", "feed.xml", "communities/leeds/feed.xml",
                                               "communities/leeds/meetings.ics", "communities/leeds/photos/feed.xml"])
        let hint = "copse writes this file itself when copse.yml has a base_url: delete yours, or rename it if it is something else"
        #expect(diagnostics.map(\.description) == [
            "content/communities/leeds/feed.xml:1:1: error: this file would be written to communities/leeds/feed.xml, which copse uses for the community's feed of meeting notes\n    hint: \(hint)",
            "content/communities/leeds/meetings.ics:1:1: error: this file would be written to communities/leeds/meetings.ics, which copse uses for the community's calendar of meetings\n    hint: \(hint)",
            "content/feed.xml:1:1: error: this file would be written to feed.xml, which copse uses for the hub's feed of meeting notes\n    hint: \(hint)",
            "content/robots.txt:1:1: error: this file would be written to robots.txt, which copse uses for the robots.txt file\n    hint: \(hint)",
        ])
    }

    @Test func communityWithoutProfileIsAWarning() {
        let (site, diagnostics) = index(["communities/york-coders/charter.md": "# Charter\n"])
        #expect(site.communities.map(\.title) == ["York coders"])
        #expect(diagnostics.map(\.severity) == [.warning])
    }
}
