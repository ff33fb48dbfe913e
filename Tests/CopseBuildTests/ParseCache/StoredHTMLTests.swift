@testable import CopseBuild
import CopseCore
import CopseMarkdown
import CopseTestSupport
import Foundation
import Testing

/// A `copse build` with a cache keeps its pages' HTML out of memory (``PageHTML``): the pages it
/// parses spill theirs to a file, the pages read from the parse cache leave theirs in the pack.
/// Each read is checked; one that fails makes the build write nothing.
@Suite struct StoredHTMLTests {
    typealias Setup = ParsedStoreTests.Setup

    /// One build's parse stage, its HTML stored as `copse build` stores it.
    static func build(_ setup: Setup, reads: StoredHTMLReads) -> (results: [Checked<ParsedPage>], hits: Int) {
        let cache = ParseCache(store: ParsedStore(folder: setup.folder, storedHTML: reads))
        let results = setup.pages.parallelMap { page in
            cache.page(source: page.key.source, contentPath: page.key.contentPath, bytes: page.bytes,
                       markdown: MarkdownOptions(unsafeHTML: page.key.unsafeHTML)).0
        }
        let hits = cache.disk?.hitCount ?? -1
        cache.endBuild()
        return (results, hits)
    }

    @Test func parsedAndCachedPagesKeepTheirHTMLOutOfMemoryAndReadItBackWhole() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        let reads = StoredHTMLReads()
        let first = Self.build(setup, reads: reads)
        #expect(first.hits == 0)
        let parsed = first.results.compactMap(\.value)
        #expect(parsed.count == setup.parsedCount)
        #expect(parsed.allSatisfy { $0.markdown.body.isStored }, "every page parsed spilled its HTML")
        // Read back, the HTML is the parse's, byte for byte (pages compare by their HTML's text).
        #expect(first.results == setup.pages.map(\.page))
        #expect(parsed.contains { $0.markdown.html.count > 1000 })
        // The spill file left the folder as soon as it was made; the cache is as any build leaves it.
        #expect(setup.files().count == 3, "\(setup.files())")
        // The next build takes every page from the pack, and leaves the HTML there until asked.
        let second = Self.build(setup, reads: reads)
        #expect(second.hits == setup.parsedCount)
        #expect(second.results.compactMap(\.value).allSatisfy { $0.markdown.body.isStored })
        #expect(second.results == setup.pages.map(\.page))
        #expect(reads.failureCount == 0)
    }

    /// A pack changed under a build that left its pages' HTML there: the text is not trusted,
    /// and the failure is counted, so that the build writes nothing.
    @Test func htmlChangedInThePackAfterItWasFoundIsNotUsed() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        _ = setup.build()
        let reads = StoredHTMLReads()
        let cache = ParseCache(store: ParsedStore(folder: setup.folder, storedHTML: reads))
        let sample = try #require(setup.pages.first { ($0.page.value?.markdown.html.count ?? 0) > 200 })
        let found = try #require(cache.page(source: sample.key.source, contentPath: sample.key.contentPath, bytes: sample.key.bytes,
                                            markdown: MarkdownOptions(unsafeHTML: sample.key.unsafeHTML))?.page.value)
        #expect(found.markdown.body.isStored)
        #expect(reads.failureCount == 0)
        // Every byte after the pack's magic changed in place: the same file, other contents.
        let pack = setup.folder.appendingPathComponent(try #require(setup.packs().first))
        var bytes = [UInt8](try Data(contentsOf: pack))
        for index in ParsedIndex.packMagic.count..<bytes.count { bytes[index] ^= 0x5A }
        let handle = try FileHandle(forWritingTo: pack)
        try handle.write(contentsOf: bytes)
        try handle.close()
        #expect(found.markdown.html == "")
        #expect(reads.failureCount == 1)
    }

    @Test func spilledHTMLThatDoesNotMatchItsChecksumIsNotUsed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reads = StoredHTMLReads()
        let file = try #require(SpilledHTML(folder: folder, reads: reads))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.isEmpty)
        let pages = (0..<50).map { PageHTML("<p>Page \($0): " + String(repeating: "text ", count: $0 * 10) + "</p>\n") }
        let texts = pages.map(\.value)
        _ = pages.parallelMap { file.spill($0) }
        #expect(pages.allSatisfy { $0.isStored })
        #expect(pages.map(\.value) == texts)
        // Whether one is empty is known without reading it back.
        let empty = PageHTML("")
        file.spill(empty)
        #expect(empty.isStored && empty.isEmpty && !pages[0].isEmpty)
        // The same bytes, said to have another checksum: refused, and counted.
        let wrong = SpilledHTML.Page(file: file, offset: 0, length: texts[0].utf8.count, checksum: 1)
        #expect(wrong.load() == nil)
        #expect(PageHTML(stored: wrong, identity: nil).value == "")
        #expect(reads.failureCount == 2)
    }

    /// A build whose pages' HTML could not all be read back writes nothing, says why, and leaves
    /// the site it would have replaced as it was.
    @Test func aBuildThatCouldNotReadItsHTMLBackWritesNothing() throws {
        let hub = try CacheSafetyTests.Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        #expect(hub.build().succeeded)
        let before = Fixtures.tree(hub.output)
        try hub.write("content/index.md", "---\ntitle: Changed home\n---\n\nChanged text.\n")
        var options = Fixtures.options(root: hub.root, output: hub.output)
        options.cache = hub.cache
        let reads = StoredHTMLReads()
        reads.failed()
        options.storedHTML = reads
        let report = Pipeline.run(options, write: true)
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.message.contains("could not read pages' text back from the build cache") })
        #expect(Fixtures.tree(hub.output) == before)
        // The next build, whose reads all work, writes the site.
        #expect(hub.build().succeeded)
        #expect(Fixtures.tree(hub.output) == hub.clean())
    }
}
