@testable import CopseBuild
import CopseCore
@testable import CopseRender
import CopseTestSupport
import Foundation
import Testing

/// The search index's chunks of words in the build cache: a build after a one-page edit
/// tokenises that page's chunk again and takes the others from the cache, and what it writes is
/// what a clean build writes; a chunk file that is damaged, or was made for other pages, is not
/// used.
@Suite struct SearchChunkFilesTests {
    static let saved = SearchChunks.Saved(arena: Array("pairtimerroles".utf8), starts: [0, 4, 9, 14], counts: [3, 1, 2],
                                          text: [[0, 1, 0], [2]], evidence: [[], [1, 2]])
    static let digest = SearchChunkFiles.digest(start: 0, key: ["a", "b"])

    @Test func aChunkReadsBackOnlyUnderTheKeyItWasSavedWith() throws {
        let bytes = SearchChunkFiles.encode(Self.saved, digest: Self.digest)
        #expect(SearchChunkFiles.decode(bytes, digest: Self.digest) == Self.saved)
        // Another key, another start, or the same strings split differently name another chunk.
        for other in [SearchChunkFiles.digest(start: 0, key: ["a", "c"]), SearchChunkFiles.digest(start: 64, key: ["a", "b"]),
                      SearchChunkFiles.digest(start: 0, key: ["ab"])] {
            #expect(other != Self.digest)
            #expect(SearchChunkFiles.decode(bytes, digest: other) == nil)
        }
    }

    @Test func aDamagedOrCutChunkFileIsNotRead() {
        let bytes = SearchChunkFiles.encode(Self.saved, digest: Self.digest)
        for position in stride(from: 0, to: bytes.count, by: 3) {
            var damaged = bytes
            damaged[position] ^= 0x41
            #expect(SearchChunkFiles.decode(damaged, digest: Self.digest) == nil, "byte \(position) changed")
        }
        for length in [0, 10, bytes.count - 9, bytes.count - 1] {
            #expect(SearchChunkFiles.decode(Array(bytes.prefix(length)), digest: Self.digest) == nil, "cut to \(length) bytes")
        }
    }

    @Test func savedWordsThatDoNotHoldTogetherAreMadeAgain() {
        #expect(Self.saved.words != nil)
        var outOfRange = Self.saved
        outOfRange.text[1] = [3]  // only three words
        var cutNumber = Self.saved
        cutNumber.evidence[0] = [0x80]  // a number whose next byte is missing
        var empty = Self.saved
        empty.starts = [0, 4, 4, 14]  // an empty word
        var uncounted = Self.saved
        uncounted.counts[1] = 0
        var misplaced = Self.saved
        misplaced.starts = [0, 4, 9, 15]
        for saved in [outOfRange, cutNumber, empty, uncounted, misplaced] {
            #expect(saved.words == nil)
        }
    }

    @Test func aOnePageEditTokenisesOneChunkAgainAndWritesWhatACleanBuildWrites() throws {
        let hub = try LargeHub(pages: 200)
        defer { try? FileManager.default.removeItem(at: hub.work) }
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        let before = try hub.chunkFiles()
        #expect(before.count == 4, "200 pages in chunks of 64")
        let partsBefore = try hub.files(in: hub.options.output.appendingPathComponent("search"))
        #expect(partsBefore.keys.sorted() == ["index-1.js", "index-2.js", "index-3.js", "index-4.js", "index.html", "index.js"])
        try hub.append("Timers keep the pairs honest.", to: 70)
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        let after = try hub.chunkFiles()
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after.filter { before[$0.key] != $0.value }.keys.sorted() == ["chunk-64"])
        // The part holding the page is written again; the others stay as they were.
        let partsAfter = try hub.files(in: hub.options.output.appendingPathComponent("search"))
        #expect(partsAfter.filter { partsBefore[$0.key] != $0.value }.keys.sorted() == ["index-2.js"])
        #expect(try hub.searchIndex() == hub.cleanSearchIndex())
    }

    @Test func chunksTheSiteNoLongerHasAreRemovedAndTheOthersKept() throws {
        let hub = try LargeHub(pages: 200)
        defer { try? FileManager.default.removeItem(at: hub.work) }
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        #expect(try hub.chunkFiles().keys.sorted() == ["chunk-0", "chunk-128", "chunk-192", "chunk-64"])
        for number in 60..<200 {
            try FileManager.default.removeItem(at: hub.root.appendingPathComponent(String(format: "content/pages/page-%03d.md", number)))
        }
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        #expect(try hub.chunkFiles().keys.sorted() == ["chunk-0"], "61 pages are one chunk")
        #expect(try hub.searchIndex() == hub.cleanSearchIndex())
    }

    @Test func aChunkShowingAnotherPagesTitleIsMadeAgainWhenTheTitleChanges() throws {
        let hub = try LargeHub(pages: 130)
        defer { try? FileManager.default.removeItem(at: hub.work) }
        // Page 1 shows page 120's title in its text (a wiki link); page 120 is in another chunk.
        try hub.append("Read [[page-120]] next.", to: 1)
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        let url = hub.root.appendingPathComponent("content/pages/page-120.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "# Page 120", with: "# Timers for pairs").utf8).write(to: url)
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        let index = try hub.searchIndex()
        #expect(String(decoding: index, as: UTF8.self).contains("Timers"))
        #expect(index == (try hub.cleanSearchIndex()))
    }

    @Test func damagedChunkFilesAreMadeAgainNotUsed() throws {
        let hub = try LargeHub(pages: 130)
        defer { try? FileManager.default.removeItem(at: hub.work) }
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        for name in try hub.chunkFiles().keys {
            let url = hub.chunks.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: url))
            bytes[bytes.count / 2] ^= 0xFF
            try Data(bytes).write(to: url)
        }
        try hub.append("A second look at the timers.", to: 3)
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        #expect(try hub.searchIndex() == hub.cleanSearchIndex())
    }
}

/// A hub of many small pages, with the build cache on.
private struct LargeHub {
    let work: URL
    let root: URL
    var options: BuildOptions
    var chunks: URL { options.cache!.appendingPathComponent("search") }

    init(pages: Int) throws {
        work = try Fixtures.temporaryFolder()
        root = work.appendingPathComponent("hub")
        let pagesFolder = root.appendingPathComponent("content/pages")
        try FileManager.default.createDirectory(at: pagesFolder, withIntermediateDirectories: true)
        try Data("title: Many pages\n".utf8).write(to: root.appendingPathComponent("copse.yml"))
        try Data("# Many pages\n\nA hub of small pages.\n".utf8).write(to: root.appendingPathComponent("content/index.md"))
        for number in 0..<pages {
            try Data("# Page \(number)\n\nWords of page \(number): pairs, roles and timer number \(number % 7).\n".utf8)
                .write(to: pagesFolder.appendingPathComponent(String(format: "page-%03d.md", number)))
        }
        options = Fixtures.options(root: root, output: work.appendingPathComponent("site"))
        options.cache = work.appendingPathComponent("cache")
    }

    func append(_ text: String, to number: Int) throws {
        let url = root.appendingPathComponent(String(format: "content/pages/page-%03d.md", number))
        try Data((try String(contentsOf: url, encoding: .utf8) + "\n" + text + "\n").utf8).write(to: url)
    }

    /// Each chunk file's inode: a chunk saved again is a new file, renamed into place.
    func chunkFiles() throws -> [String: UInt64] { try files(in: chunks) }

    /// Each file's inode in `folder`: a file written again is a new file; one kept is a link.
    func files(in folder: URL) throws -> [String: UInt64] {
        var files: [String: UInt64] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var info = stat()
            try #require(stat(folder.appendingPathComponent(name).path, &info) == 0)
            files[name] = UInt64(info.st_ino)
        }
        return files
    }

    /// The search index and every part of it, one after another.
    func searchIndex() throws -> Data { try Self.searchIndex(in: options.output) }

    func cleanSearchIndex() throws -> Data {
        var clean = Fixtures.options(root: root, output: work.appendingPathComponent("clean-\(UUID().uuidString)"))
        clean.cache = nil
        try #require(Pipeline.run(clean, write: true).succeeded)
        return try Self.searchIndex(in: clean.output)
    }

    static func searchIndex(in output: URL) throws -> Data {
        let tree = Fixtures.tree(output.appendingPathComponent("search"))
        #expect(tree.keys.filter { $0.hasPrefix("index-") }.count > 0)
        return tree.filter { $0.key.hasSuffix(".js") }.sorted { $0.key < $1.key }.reduce(Data()) { $0 + $1.value }
    }
}
