@testable import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// `copse build` and `copse serve` read and write the parse cache in the build cache folder.
@Suite struct ParseCacheBuildTests {
    typealias Hub = CacheSafetyTests.Hub

    static let planted = "<p>Planted in the parse cache by the test.</p>\n"

    /// Plants a page for `path`'s current bytes in the hub's parse cache: its HTML says so.
    static func plant(_ path: String, in hub: Hub) throws {
        let bytes = [UInt8](try Data(contentsOf: hub.root.appendingPathComponent("content/" + path)))
        let key = ParseCache.Key(source: "content/" + path, contentPath: path, bytes: ContentHash.of(bytes), unsafeHTML: false)
        var page = PageParser.parse(source: key.source, contentPath: path, bytes: bytes, markdown: .init())
        page.value?.markdown.html += planted
        let store = ParsedStore(folder: hub.cache.appendingPathComponent(ParsedStore.folderName))
        store.keep(page, facet: PageFacet.of(bytes: bytes, page: try #require(page.value)), key: key)
        store.save()
    }

    @Test func aBuildTakesPagesFromTheCacheFolderOnlyForUnchangedFiles() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        #expect(hub.build().succeeded)
        try Self.plant("agreement.md", in: hub)
        // copse.yml changes, so that the build is not skipped and every page is made again: the
        // planted page is used.
        let config = try String(contentsOf: hub.root.appendingPathComponent("copse.yml"), encoding: .utf8)
        try hub.write("copse.yml", config.replacingOccurrences(of: "learning together", with: "learning together again"))
        #expect(hub.build().succeeded)
        let agreement = hub.output.appendingPathComponent("agreement/index.html")
        #expect(try String(contentsOf: agreement, encoding: .utf8).contains(Self.planted))
        // Without the cache, it is not.
        #expect(hub.build(cache: false).succeeded)
        #expect(try !String(contentsOf: agreement, encoding: .utf8).contains(Self.planted))
        // Once the file changes, the planted page is never used again.
        #expect(hub.build().succeeded)
        let text = try String(contentsOf: hub.root.appendingPathComponent("content/agreement.md"), encoding: .utf8)
        try hub.write("content/agreement.md", text + "\nOne more sentence.\n")
        #expect(hub.build().succeeded)
        #expect(Fixtures.tree(hub.output) == hub.clean())
    }

    @Test func noCacheFolderMeansNoParseCache() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        #expect(hub.build(cache: false).succeeded)
        #expect(!FileManager.default.fileExists(atPath: hub.cache.path))
        #expect(ParseCache.forBuild(Fixtures.options(root: hub.root)) == nil)
    }

    /// `copse serve` keeps pages in memory and on disk: a serve started again reads the disk.
    @Test func serveKeepsItsPagesOnDiskForTheNextServe() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        var options = Fixtures.options(root: hub.root, output: hub.output)
        options.cache = hub.cache
        options.parsed = ParseCache()
        #expect(Pipeline.run(options, write: true).succeeded)
        let store = try #require(options.parsed?.disk)
        #expect(store.folder.path == hub.cache.appendingPathComponent(ParsedStore.folderName).path)
        #expect(options.parsed?.disk?.hitCount == 0)
        let text = try String(contentsOf: hub.root.appendingPathComponent("content/agreement.md"), encoding: .utf8)
        try hub.write("content/agreement.md", text + "\nOne more sentence.\n")
        // The same serve: every unchanged page from memory, so none from the disk.
        #expect(Pipeline.run(options, write: true).succeeded)
        #expect(options.parsed?.disk === store && store.hitCount == 0)
        // A new serve: the unchanged pages come from the disk.
        try hub.write("content/agreement.md", text + "\nAnother sentence.\n")
        options.parsed = ParseCache()
        #expect(Pipeline.run(options, write: true).succeeded)
        let hits = try #require(options.parsed?.disk?.hitCount)
        #expect(hits > 5)
        #expect(Fixtures.tree(hub.output) == hub.clean())
    }
}
