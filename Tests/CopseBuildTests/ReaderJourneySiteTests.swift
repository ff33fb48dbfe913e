import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// How a reader finds their way around a built hub: titles that say where a page belongs, the
/// home page's order, a community's meetings and documents in order, headings with links and
/// contents, and the meta a link preview reads.
@Suite struct ReaderJourneySiteTests {
    /// A hub of two communities written from scratch; `baseURL` is set in copse.yml when given.
    static func hub(baseURL: String? = nil) -> [String: String] {
        [
            "copse.yml": "title: Test Hub\ndescription: Teachers learning together\n" + (baseURL.map { "base_url: \($0)\n" } ?? ""),
            "content/index.md": """
                ---
                title: Welcome
                ---

                The short introduction.

                ## After the directory

                The rest of the text.

                """,
            "content/communities/leeds/community.md": "---\ntitle: Leeds\nregion: West Yorkshire\npurpose: Teaching together.\n---\n\nAbout Leeds.\n",
            "content/communities/leeds/charter.md": "---\ntitle: Our charter\n---\n\nThe charter.\n",
            "content/communities/leeds/norms.md": "---\ntitle: Our norms\n---\n\nThe norms.\n",
            "content/communities/leeds/purpose.md": "---\ntitle: Why we meet\n---\n\nThe purpose.\n",
            "content/communities/leeds/plan.md": """
                ---
                title: How we meet
                summary: When and where.
                ---

                ## When we meet

                Termly.

                ### Dates

                See below.

                ## Where we meet

                In schools.

                ## What happens

                We talk & listen.

                """,
            "content/communities/leeds/meetings/2026-12-10-late.md": "---\ntitle: Late one\ntime: \"18:00\"\nlocation: Leeds Library\n---\n\nLater.\n",
            "content/communities/leeds/meetings/2026-12-10-early.md": "---\ntitle: Early one\ntime: \"09:00\"\n---\n\nEarlier.\n",
            "content/communities/leeds/meetings/2026-01-10-past.md": "---\ntitle: Past one\n---\n\nDone.\n",
            "content/communities/york/community.md": "---\ntitle: York\n---\n\nAbout York.\n",
            "content/communities/york/charter.md": "---\ntitle: Our charter\n---\n\nYork's charter.\n",
            "content/communities/york/meetings/2026-11-30-first.md": "---\ntitle: Soonest\n---\n\nSoon.\n",
        ]
    }

    static func build(_ files: [String: String]) throws -> [String: String] {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for (path, text) in files {
            let url = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try build(root: work)
    }

    static func build(root: URL) throws -> [String: String] {
        let output = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let report = Pipeline.run(Fixtures.options(root: root, output: output.appendingPathComponent("site")), write: true)
        #expect(report.succeeded, "\(report.diagnostics)")
        return Fixtures.tree(output.appendingPathComponent("site")).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The text between the first `start` and the next `end` after it.
    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let open = text.range(of: start), let close = text[open.upperBound...].range(of: end) else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }

    /// Every `<title>` of the HTML pages of a built site, by path.
    static func titles(_ tree: [String: String]) -> [String: String] {
        var titles: [String: String] = [:]
        for (path, text) in tree where path.hasSuffix(".html") {
            if let title = between(text, "<title>", "</title>") { titles[path] = title }
        }
        return titles
    }

    static func duplicates(_ titles: [String: String]) -> [String] {
        Dictionary(grouping: titles.keys.sorted(), by: { titles[$0]! }).filter { $0.value.count > 1 }
            .map { "\($0.key): \($0.value.joined(separator: ", "))" }.sorted()
    }

    @Test func everyTitleSaysWhereThePageBelongs() throws {
        let titles = Self.titles(try Self.build(Self.hub()))
        #expect(titles["index.html"] == "Test Hub")
        #expect(titles["communities/leeds/index.html"] == "Leeds · Test Hub")
        #expect(titles["communities/leeds/charter/index.html"] == "Our charter · Leeds · Test Hub")
        #expect(titles["communities/york/charter/index.html"] == "Our charter · York · Test Hub")
        #expect(titles["communities/leeds/meetings/2026-12-10-late/index.html"] == "Late one · Leeds · Test Hub")
        #expect(Self.duplicates(titles) == [])
    }

    /// Each search entry as its result shows it: title, community (by number) and date.
    static func searchEntries(_ tree: [String: String]) -> [String: String] {
        var entries: [String: String] = [:]
        let parts = tree.filter { $0.key.hasPrefix("search/index-") }.values.joined(separator: "\n")
        for line in parts.split(separator: "\n") where line.hasPrefix("[\"") {
            // ["url","title",community,kind,"date",...: the url and title are JSON strings without quotes inside here.
            let fields = line.dropFirst().split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count > 4 else { continue }
            entries[String(fields[0])] = [fields[1], fields[2], fields[4]].joined(separator: " ")
        }
        return entries
    }

    @Test func theExampleHubAndEveryGoldenSiteHaveUniqueTitles() throws {
        let tree = try Self.build(root: Fixtures.repository)
        let example = Self.titles(tree)
        #expect(example.count > 50)
        #expect(Self.duplicates(example) == [], "the example hub")
        let search = Self.searchEntries(tree)
        #expect(search.count > 40)
        #expect(Self.duplicates(search) == [], "the example hub's search entries")
        for name in Fixtures.cases("sites") {
            let expected = Fixtures.folder.appendingPathComponent("sites/\(name)/expected")
            let tree = Fixtures.tree(expected).mapValues { String(decoding: $0, as: UTF8.self) }
            #expect(Self.duplicates(Self.titles(tree)) == [], "golden site \(name)")
        }
    }

    @Test func theHomeShowsTheIntroductionThenTheCommunitiesThenUpcomingMeetingsThenTheRest() throws {
        let home = try #require(try Self.build(Self.hub())["index.html"])
        let order = ["The short introduction.", "id=\"all-communities\"", "Teaching together.", "id=\"hub-upcoming-heading\"",
                     "<h2 id=\"after-the-directory\">"].map { home.range(of: $0)?.lowerBound }
        #expect(!order.contains(nil), "\(order)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // Soonest first; on one day, by start time; each with its community, time and place.
        let upcoming = try #require(Self.between(home, "<ol class=\"meeting-list upcoming\">", "</ol>"))
        let titles = ["Soonest", "Early one", "Late one"].map { upcoming.range(of: $0)?.lowerBound }
        #expect(!titles.contains(nil) && titles.compactMap { $0 } == titles.compactMap { $0 }.sorted())
        #expect(!upcoming.contains("Past one"))
        #expect(upcoming.contains("Thursday 10 December 2026</time>, 18:00 · Leeds Library"))
        #expect(upcoming.contains("<a href=\"communities/york/index.html\">York</a>"))
        // The community card names its next meeting with its title, day, time and place.
        let card = try #require(Self.between(home, "<a href=\"communities/leeds/index.html\">Leeds</a>", "</li>"))
        #expect(card.contains("Early one"))
        #expect(card.contains("Thursday 10 December 2026</time>, 09:00"))
        #expect(home.contains("<a href=\"index.html#all-communities\">Communities</a>"))
    }

    @Test func aCommunityHomeListsItsMeetingsBeforeItsDocumentsInTemplateOrder() throws {
        let page = try #require(try Self.build(Self.hub())["communities/leeds/index.html"])
        let sections = ["class=\"profile-row profile-next\"", "id=\"meetings-heading\"", "id=\"documents-heading\"", "</article>"]
            .map { page.range(of: $0)?.lowerBound }
        #expect(!sections.contains(nil) && sections.compactMap { $0 } == sections.compactMap { $0 }.sorted(), "\(sections)")
        let checklist = try #require(Self.between(page, "<ul class=\"checklist\">", "</ul>"))
        let labels = ["Charter", "Norms", "Purpose", "Membership", "Leadership", "Collaborative plan", "Results and celebrations",
                      "Connection to practice"].map { checklist.range(of: $0)?.lowerBound }
        #expect(!labels.contains(nil) && labels.compactMap { $0 } == labels.compactMap { $0 }.sorted())
        #expect(!checklist.contains("part 4"), "the norms come second, so they are not numbered out of order")
        #expect(checklist.contains("Purpose</a> <span class=\"item-meta\">part 1</span>"))
    }

    @Test func aFoundingDocumentLeadsToItsNeighboursAndItsCommunitysDocuments() throws {
        let tree = try Self.build(Self.hub())
        let norms = try #require(tree["communities/leeds/norms/index.html"])
        #expect(norms.contains("<a href=\"../../../communities/leeds/charter/index.html\" rel=\"prev\"><span class=\"pager-label\">Previous document</span> "
                               + "<span class=\"pager-title\">Our charter</span></a>"))
        #expect(norms.contains("<a href=\"../../../communities/leeds/purpose/index.html\" rel=\"next\">"))
        let side = try #require(Self.between(norms, "<nav class=\"community-nav\" aria-label=\"Leeds\">", "</nav>"))
        #expect(side.contains("<a href=\"../../../communities/leeds/norms/index.html\" aria-current=\"page\">Norms</a>"))
        #expect(side.contains("<a href=\"../../../communities/leeds/plan/index.html\">Collaborative plan</a>"))
    }

    @Test func headingsLinkToThemselvesAndALongPageHasContents() throws {
        let plan = try #require(try Self.build(Self.hub())["communities/leeds/plan/index.html"])
        #expect(plan.contains("<div class=\"heading\"><h2 id=\"when-we-meet\">When we meet</h2><a class=\"heading-link\" "
                              + "href=\"#when-we-meet\" aria-label=\"Link to this section: When we meet\">#</a></div>"))
        #expect(plan.contains("aria-label=\"Link to this section: What happens\""))
        let contents = try #require(Self.between(plan, "<nav class=\"page-contents\"", "</nav>"))
        #expect(contents.contains("<li><a href=\"#when-we-meet\">When we meet</a>\n<ol>\n<li><a href=\"#dates\">Dates</a></li>\n</ol>\n</li>"))
        #expect(contents.contains("<li><a href=\"#where-we-meet\">Where we meet</a></li>"))
        // A short page has no contents.
        let charter = try #require(try Self.build(Self.hub())["communities/leeds/charter/index.html"])
        #expect(!charter.contains("class=\"page-contents\""))
    }

    @Test func everyPageCarriesSharingMetaWithAnAbsoluteAddressOnlyWithABaseURL() throws {
        let without = try #require(try Self.build(Self.hub())["communities/leeds/plan/index.html"])
        #expect(without.contains("<meta property=\"og:title\" content=\"How we meet · Leeds\">"))
        #expect(without.contains("<meta property=\"og:site_name\" content=\"Test Hub\">"))
        #expect(without.contains("<meta property=\"og:description\" content=\"When and where.\">"))
        #expect(without.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(!without.contains("og:url"))
        let tree = try Self.build(Self.hub(baseURL: "https://hub.example.org/x/"))
        let with = try #require(tree["communities/leeds/plan/index.html"])
        #expect(with.contains("<meta property=\"og:url\" content=\"https://hub.example.org/x/communities/leeds/plan/\">"))
        let home = try #require(tree["index.html"])
        #expect(home.contains("<meta property=\"og:title\" content=\"Test Hub\">"))
        #expect(home.contains("<meta property=\"og:description\" content=\"Teachers learning together\">"))
        #expect(home.contains("<meta property=\"og:url\" content=\"https://hub.example.org/x/\">"))
        for (path, text) in tree where path.hasSuffix(".html") {
            #expect(text.contains("<meta property=\"og:title\""), "\(path)")
        }
    }
}
