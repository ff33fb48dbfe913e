import CopseBuild
import CopseTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The feeds, calendars, sitemap and robots.txt of the evidence golden hub (which has a base_url,
/// a private meeting, a draft meeting and an upcoming one), read back with an XML parser.
@Suite struct FeedSiteTests {
    static let base = "https://evidence.example.org/hub/"
    static let discoveryFiles = ["feed.xml", "meetings.ics", "sitemap.xml", "robots.txt"]

    func build(_ fixture: String, drafts: Bool = false, edit: ((URL) throws -> Void)? = nil) throws -> [String: String] {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/\(fixture)/input"), to: work)
        try edit?(work)
        let output = work.appendingPathComponent("output")
        let report = Pipeline.run(Fixtures.options(root: work, output: output, drafts: drafts), write: true)
        #expect(report.succeeded, "\(report.diagnostics)")
        return Fixtures.tree(output).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func everyFeedIsWellFormedAtomWithThePublishedMeetingsNewestFirst() throws {
        for drafts in [false, true] {
            let tree = try build("evidence", drafts: drafts)
            let feeds = tree.keys.filter { $0.hasSuffix("feed.xml") }.sorted()
            #expect(feeds == ["communities/hull/feed.xml", "communities/leeds/feed.xml", "communities/york/feed.xml", "feed.xml"])
            var entries: [String: [String]] = [:]
            for path in feeds {
                let feed = try #require(AtomReader.read(tree[path]!), "\(path) is not well-formed XML")
                #expect(feed.root == "feed")
                #expect(feed.feedID == Self.base + path)
                entries[path] = feed.entryIDs
            }
            let meeting = { (community: String, name: String) in Self.base + "communities/\(community)/meetings/\(name)/" }
            #expect(entries["feed.xml"] == [meeting("york", "2026-06-01-summer"), meeting("leeds", "2026-05-06-pairs"),
                                            meeting("leeds", "2026-01-10-start"), meeting("york", "2025-11-01-old")])
            #expect(entries["communities/leeds/feed.xml"] == [meeting("leeds", "2026-05-06-pairs"), meeting("leeds", "2026-01-10-start")])
            #expect(entries["communities/hull/feed.xml"] == [])
            // The upcoming meeting is in the calendars, the draft and the private meeting nowhere.
            #expect(tree["meetings.ics"]?.contains("UID:york/2027-01-15-winter@evidence.example.org\r\n") == true)
            #expect(tree["communities/york/meetings.ics"]?.contains("DTSTART;VALUE=DATE:20270115\r\nDTEND;VALUE=DATE:20270116\r\n") == true)
            for path in feeds + ["meetings.ics", "communities/leeds/meetings.ics", "sitemap.xml"] {
                let text = tree[path] ?? ""
                for secret in ["2026-09-01-private", "2026-09-02-draft", "Private meeting", "Draft meeting", "MARKER"] {
                    #expect(!text.contains(secret), "\(path) mentions \(secret) (drafts: \(drafts))")
                }
            }
        }
    }

    /// A feed's date is its newest entry's; without entries, the newest date of the community's
    /// pages (not in the future); without any, a fixed day. Never the clock.
    @Test func aFeedWithoutEntriesIsDatedFromItsPagesNeverTheClock() throws {
        let tree = try build("evidence")
        let hull = try #require(AtomReader.read(tree["communities/hull/feed.xml"] ?? ""))
        #expect(hull.entryIDs.isEmpty)
        #expect(hull.updated == "2000-01-01T00:00:00Z")
        #expect(AtomReader.read(tree["feed.xml"] ?? "")?.updated == "2026-06-01T00:00:00Z")
        let edited = try build("evidence") { root in
            let file = root.appendingPathComponent("content/communities/hull/community.md")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "---\n", with: "---\nupdated: 2026-02-02\n", options: [.anchored])
                .write(to: file, atomically: true, encoding: .utf8)
            let meetings = root.appendingPathComponent("content/communities/hull/meetings")
            try FileManager.default.createDirectory(at: meetings, withIntermediateDirectories: true)
            try "---\ntitle: Later\n---\n".write(to: meetings.appendingPathComponent("2027-05-01-later.md"), atomically: true, encoding: .utf8)
        }
        #expect(AtomReader.read(edited["communities/hull/feed.xml"] ?? "")?.updated == "2026-02-02T00:00:00Z")
    }

    @Test func calendarUIDsSurviveEditsToTheMeeting() throws {
        let before = try build("evidence")["communities/york/meetings.ics"] ?? ""
        let after = try build("evidence") { root in
            let file = root.appendingPathComponent("content/communities/york/meetings/2026-06-01-summer.md")
            try "---\ntitle: Summer meeting, moved\ndate: 2026-06-08\nupdated: 2026-06-09\n---\n\nMoved a week.\n"
                .write(to: file, atomically: true, encoding: .utf8)
        }["communities/york/meetings.ics"] ?? ""
        #expect(before.contains("UID:york/2026-06-01-summer@evidence.example.org\r\nDTSTAMP:20260601T000000Z\r\nDTSTART;VALUE=DATE:20260601\r\n"))
        #expect(after.contains("UID:york/2026-06-01-summer@evidence.example.org\r\nDTSTAMP:20260609T000000Z\r\nDTSTART;VALUE=DATE:20260608\r\n"))
    }

    @Test func theSitemapListsPublishedPagesButNotTheNotFoundPageOrThePack() throws {
        let tree = try build("evidence", drafts: true)
        let sitemap = tree["sitemap.xml"] ?? ""
        #expect(AtomReader.read(sitemap)?.root == "urlset")
        #expect(sitemap.contains("<url><loc>\(Self.base)</loc></url>\n"))
        #expect(sitemap.contains("<url><loc>\(Self.base)communities/york/meetings/2026-06-01-summer/</loc><lastmod>2026-06-01</lastmod></url>\n"))
        #expect(sitemap.contains("<url><loc>\(Self.base)communities/york/meetings/2027-01-15-winter/</loc></url>\n"))
        #expect(sitemap.contains("<url><loc>\(Self.base)evidence/2027/</loc></url>\n"))
        #expect(!sitemap.contains("404"))
        #expect(!sitemap.contains("/pack/"))
        #expect(!sitemap.contains(".csv") && !sitemap.contains(".json"))
        #expect(tree["robots.txt"] == "User-agent: *\nAllow: /\nSitemap: \(Self.base)sitemap.xml\n")
    }

    @Test func pagesLinkToTheirFeedsRelatively() throws {
        let tree = try build("evidence")
        let meeting = tree["communities/york/meetings/2026-06-01-summer/index.html"] ?? ""
        #expect(meeting.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Evidence Hub: meeting notes\" href=\"../../../../feed.xml\">"))
        #expect(meeting.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"York Secondary: meeting notes\" href=\"../../../../communities/york/feed.xml\">"))
        let home = tree["index.html"] ?? ""
        #expect(home.contains("<a class=\"item-title\" href=\"meetings.ics\">Meetings calendar</a>"))
        // The address breaks only after a slash; beside it a webcal: link and a copy button, which
        // stays hidden until the script shows it.
        #expect(home.contains("<code id=\"calendar-address\">https://evidence.example.org/<wbr>hub/<wbr>meetings.ics</code>"))
        #expect(home.contains("<a href=\"webcal://evidence.example.org/hub/meetings.ics\">Subscribe in your calendar app</a>"))
        #expect(home.contains("<button type=\"button\" class=\"copy-button\" data-copy=\"\(Self.base)meetings.ics\" "
                              + "aria-describedby=\"calendar-address\" hidden>Copy address</button> <span class=\"copy-status\" role=\"status\"></span>"))
        #expect(tree["communities/york/index.html"]?.contains("<a class=\"item-title\" href=\"../../communities/york/feed.xml\">Meeting notes feed</a>") == true)
    }

    /// Without base_url nothing can be addressed from outside: no feed, calendar, sitemap or robots.txt.
    @Test func withoutBaseURLNoneIsWritten() throws {
        let tree = try build("crosslinks")
        #expect(!tree.isEmpty)
        for path in tree.keys {
            #expect(!Self.discoveryFiles.contains { path.hasSuffix($0) }, "\(path)")
        }
        for (path, text) in tree where path.hasSuffix(".html") {
            #expect(!text.contains("application/atom+xml") && !text.contains("class=\"follow\""), "\(path)")
        }
    }
}

/// The root element, the feed's id and updated, and each entry's id, read with Foundation's XMLParser.
final class AtomReader: NSObject, XMLParserDelegate {
    var root: String?
    var feedID: String?
    var updated: String?
    var entryIDs: [String] = []
    private var path: [String] = []
    private var text = ""

    static func read(_ xml: String) -> AtomReader? {
        let reader = AtomReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch path {
        case ["feed", "id"]: feedID = text
        case ["feed", "updated"]: updated = text
        case ["feed", "entry", "id"]: entryIDs.append(text)
        default: break
        }
        path.removeLast()
    }
}
