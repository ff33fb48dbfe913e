@testable import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// The linked site in the build cache: it reads back exactly as it was indexed and linked, only
/// under the key it was saved with, and a build after an edit to pages' text takes it instead of
/// indexing and linking again, and still writes what a clean build writes.
@Suite struct LinkedSiteFileTests {
    /// The example hub, as far as the link stage, with the pages it was made from.
    static func example(drafts: Bool = false) throws -> (site: LinkedSite, parsed: [ParsedPage], config: Config) {
        let root = Fixtures.repository
        let found = ContentScanner(contentDirectory: root.appendingPathComponent("content")).scan()
        let config = try Config.read(String(contentsOf: root.appendingPathComponent("copse.yml"), encoding: .utf8)).get()
        let parsed = try Pipeline.parse(found.markdown, content: root.appendingPathComponent("content"), options: config.markdown).get()
        let indexed = SiteIndex.index(config: config, pages: parsed, staticFiles: found.other.map(StaticFile.init(contentPath:)),
                                      options: SiteIndex.Options(includeDrafts: drafts, today: Fixtures.today))
        let linked = try indexed.then { SiteIndex.link($0, parsed: parsed) }.get()
        return (linked, parsed, config)
    }

    static let key = ContentHash(high: 1, low: 2)

    @Test(arguments: [false, true]) func aSiteReadsBackAsItWasIndexedAndLinked(drafts: Bool) throws {
        let (site, parsed, config) = try Self.example(drafts: drafts)
        // The example hub sets what the file has to carry.
        #expect(!site.evidence.isEmpty && !site.crossLinks.tags.isEmpty && !site.crossLinks.usedBy.isEmpty)
        #expect(!site.crossLinks.meetingResources.isEmpty && !site.indexed.hidden.isEmpty)
        #expect(site.links.contains { $0.contains { $0.page != nil && !$0.fragment.isEmpty } })
        let bytes = try #require(LinkedSiteFile.encode(site, key: Self.key, parsed: parsed))
        let read = try #require(LinkedSiteFile.decode(bytes, key: Self.key, parsed: parsed, config: config, today: Fixtures.today))
        #expect(LinkedSiteFile.encode(read, key: Self.key, parsed: parsed) == bytes)
        let (before, after) = (site.indexed, read.indexed)
        #expect(after.pages.map(\.parsed) == before.pages.map(\.parsed))
        #expect(after.pages.map(\.title) == before.pages.map(\.title))
        #expect(after.pages.map(\.outputPath) == before.pages.map(\.outputPath))
        #expect(after.pages.map(\.date) == before.pages.map(\.date))
        #expect(after.pages.map(\.isDraft) == before.pages.map(\.isDraft))
        #expect(after.communities.map(\.id) == before.communities.map(\.id))
        #expect(after.communities.map(\.meetings) == before.communities.map(\.meetings))
        #expect(after.draftCommunities.map(\.id) == before.draftCommunities.map(\.id))
        #expect(after.home == before.home && after.hubResources == before.hubResources && after.hubDocuments == before.hubDocuments)
        #expect(after.staticFiles == before.staticFiles && after.hidden == before.hidden && after.unreadable == before.unreadable)
        #expect(read.links == site.links && read.staticFiles == site.staticFiles && read.evidence == site.evidence)
        #expect(read.crossLinks.backlinks == site.crossLinks.backlinks && read.crossLinks.usedBy == site.crossLinks.usedBy)
        #expect(read.crossLinks.meetingResources == site.crossLinks.meetingResources)
        #expect(read.crossLinks.tags == site.crossLinks.tags && read.crossLinks.slugs == site.crossLinks.slugs)
    }

    /// A field added to a type the file holds must be written and read: this fails until the
    /// coding (and these counts) are updated.
    @Test func everyFieldOfTheSiteIsWritten() throws {
        let (site, _, _) = try Self.example()
        let counts: [(Any, Int)] = [(site, 5), (site.indexed, 11), (site.indexed.pages[0], 8), (site.indexed.communities[0], 6),
                                    (site.links.first { !$0.isEmpty }![0], 5), (site.crossLinks, 5),
                                    (site.crossLinks.tags[0], 3), (site.evidence[0], 9),
                                    (HiddenReason(word: "private", wholeCommunity: false), 2)]
        for (value, fields) in counts {
            #expect(Mirror(reflecting: value).children.count == fields, "\(type(of: value))")
        }
    }

    @Test func aFileIsReadOnlyUnderItsKeyWholeAndForTheSamePages() throws {
        let (site, parsed, config) = try Self.example()
        let bytes = try #require(LinkedSiteFile.encode(site, key: Self.key, parsed: parsed))
        let read = { (bytes: [UInt8], key: ContentHash, parsed: [ParsedPage]) in
            LinkedSiteFile.decode(bytes, key: key, parsed: parsed, config: config, today: Fixtures.today)
        }
        #expect(read(bytes, Self.key, parsed) != nil)
        #expect(read(bytes, ContentHash(high: 1, low: 3), parsed) == nil)
        #expect(read(bytes, Self.key, Array(parsed.dropLast())) == nil)
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            var damaged = bytes
            damaged[position] ^= 0x24
            #expect(read(damaged, Self.key, parsed) == nil, "byte \(position) changed")
        }
        for length in [0, 12, bytes.count / 2, bytes.count - 1] {
            #expect(read(Array(bytes.prefix(length)), Self.key, parsed) == nil, "cut to \(length) bytes")
        }
    }

    @Test func aTextEditTakesTheSiteFromTheCacheAndAnOutlineEditDoesNot() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("hub")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Fixtures.copy(Fixtures.repository.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("copse.yml"), to: root.appendingPathComponent("copse.yml"))
        var options = Fixtures.options(root: root, output: work.appendingPathComponent("site"))
        options.cache = work.appendingPathComponent("cache")
        let note = try #require(FileManager.default.enumerator(atPath: root.appendingPathComponent("content").path)?
            .compactMap { $0 as? String }.sorted().first { $0.contains("/meetings/") && $0.hasSuffix(".md") })
        let url = root.appendingPathComponent("content").appendingPathComponent(note)
        func edit(_ change: (String) -> String) throws {
            try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }
        func build() throws -> BuildReport {
            let report = Pipeline.run(options, write: true)
            try #require(report.succeeded, "\(report.diagnostics.map(\.message))")
            var clean = options
            clean.cache = nil
            clean.output = work.appendingPathComponent("clean-\(UUID().uuidString)")
            try #require(Pipeline.run(clean, write: true).succeeded)
            #expect(IncrementalBuildTests.differences(Fixtures.tree(options.output), Fixtures.tree(clean.output)) == [])
            return report
        }
        #expect(try !build().siteFromCache, "the first build has no site to take")
        try edit { $0 + "\nThe pairs swapped roles every ten minutes.\n" }
        #expect(try build().siteFromCache)
        try edit { $0 + "\n## A heading of its own\n" }
        #expect(try !build().siteFromCache, "a new heading is in the outline")
        try edit { $0 + "\nAnd a closing word.\n" }
        #expect(try build().siteFromCache)
        // A damaged file is not read: the build indexes and links as usual, and is right.
        let saved = options.cache!.appendingPathComponent("linked")
        var bytes = [UInt8](try Data(contentsOf: saved))
        bytes[bytes.count / 3] ^= 0x01
        try Data(bytes).write(to: saved)
        try edit { $0 + "\nOne more line.\n" }
        #expect(try !build().siteFromCache)
    }
}
