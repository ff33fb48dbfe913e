@testable import CopseBuild
import CopseCore
import CopseMarkdown
import CopseTestSupport
import Dispatch
import Foundation
import Testing

/// The parse cache on disk: a build reads the pages the last one saved, and only for the same
/// bytes; anything wrong with the cache means parsing again, never a wrong page.
@Suite struct ParsedStoreTests {
    /// A cache folder, removed by the caller, and the example hub's pages.
    struct Setup {
        let work: URL
        var folder: URL { work.appendingPathComponent("parsed") }
        let pages: [PageSamples.Parsed]

        init() throws {
            work = try Fixtures.temporaryFolder()
            pages = try PageSamples.pages(in: Fixtures.repository.appendingPathComponent("content"))
        }

        var parsedCount: Int { pages.count { $0.page.value != nil } }

        /// One build's parse stage through a cache with this folder: every page, and how many
        /// came from the disk.
        func build(_ pages: [PageSamples.Parsed]? = nil) -> (results: [Checked<ParsedPage>], hits: Int) {
            let cache = ParseCache(store: ParsedStore(folder: folder))
            let results = (pages ?? self.pages).parallelMap { page in
                cache.page(source: page.key.source, contentPath: page.key.contentPath, bytes: page.bytes,
                           markdown: MarkdownOptions(unsafeHTML: page.key.unsafeHTML)).0
            }
            let hits = cache.disk?.hitCount ?? -1
            cache.endBuild()
            return (results, hits)
        }

        func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
        func packs() -> [String] { files().filter { $0.hasPrefix("pack-") } }

        func index() throws -> ParsedIndex {
            try ParsedIndex.decode([UInt8](Data(contentsOf: folder.appendingPathComponent(ParsedStore.indexName)))).get()
        }

        func size(_ name: String) -> Int {
            Int(FileStamp(path: folder.appendingPathComponent(name).path)?.size ?? -1)
        }
    }

    @Test func pagesSavedByOneBuildAreReadFromTheDiskByTheNext() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        let first = setup.build()
        #expect(first.hits == 0)
        #expect(first.results == setup.pages.map(\.page))
        #expect(setup.files().count == 3, "\(setup.files())")
        let second = setup.build()
        #expect(second.results == setup.pages.map(\.page))
        #expect(second.hits == setup.parsedCount)
        #expect(setup.parsedCount > 50)
        // Only pages that parsed are saved.
        #expect(try setup.index().entries.count == setup.parsedCount)
    }

    /// A page planted in the cache is what the next build gets for those exact bytes (so the
    /// cache is read), and for any other bytes, path or Markdown option a fresh parse.
    @Test func aSavedPageIsUsedOnlyForTheSameBytesPathAndOptions() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        let real = try #require(setup.pages.first { $0.page.value != nil && $0.key.contentPath == "index.md" })
        var planted = real.page
        planted.value?.frontMatter.title = "Planted by the test"
        let store = ParsedStore(folder: setup.folder)
        store.keep(planted, facet: PageFacet.of(bytes: real.bytes, page: try #require(planted.value)), key: real.key)
        store.save()

        let edited = real.bytes + Array("\nOne more line.\n".utf8)
        let options = MarkdownOptions(unsafeHTML: real.key.unsafeHTML)
        let variants: [(String, String, String, [UInt8], MarkdownOptions)] = [
            ("the same file", real.key.source, real.key.contentPath, real.bytes, options),
            ("other bytes", real.key.source, real.key.contentPath, edited, options),
            ("raw HTML allowed", real.key.source, real.key.contentPath, real.bytes, MarkdownOptions(unsafeHTML: !options.unsafeHTML)),
            ("another path", "content/other.md", "other.md", real.bytes, options),
        ]
        for (index, (name, source, path, bytes, markdown)) in variants.enumerated() {
            let cache = ParseCache(store: ParsedStore(folder: setup.folder))
            let found = cache.page(source: source, contentPath: path, bytes: bytes, markdown: markdown).0
            if index == 0 {
                #expect(found == planted, "\(name)")
            } else {
                #expect(found == PageParser.parse(source: source, contentPath: path, bytes: bytes, markdown: markdown), "\(name)")
                #expect(found.value?.frontMatter.title != planted.value?.frontMatter.title, "\(name)")
            }
        }
    }

    /// A page saved with its facet is found by the hash of its file's bytes alone (the build's
    /// fingerprint knows it), without the file: an unchanged file is not read again.
    @Test func aSavedPageAndItsFacetAreFoundByTheHashOfItsBytes() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        _ = setup.build()
        let cache = ParseCache(store: ParsedStore(folder: setup.folder))
        var found = 0
        for sample in setup.pages {
            let markdown = MarkdownOptions(unsafeHTML: sample.key.unsafeHTML)
            let saved = cache.page(source: sample.key.source, contentPath: sample.key.contentPath, bytes: sample.key.bytes,
                                   markdown: markdown)
            guard let page = sample.page.value else {
                #expect(saved == nil, "\(sample.key.source) did not parse, so it was not saved")
                continue
            }
            #expect(saved?.page == sample.page)
            #expect(saved?.facet == PageFacet.of(bytes: sample.bytes, page: page))
            found += saved == nil ? 0 : 1
            // Other bytes: not found.
            #expect(cache.page(source: sample.key.source, contentPath: sample.key.contentPath,
                               bytes: ContentHash.of(sample.bytes + [10]), markdown: markdown) == nil)
        }
        #expect(found == setup.parsedCount)
    }

    @Test func anEditedFileIsParsedAgainAndItsNewPageSaved() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        _ = setup.build()
        var pages = setup.pages
        let index = try #require(pages.firstIndex { $0.page.value != nil })
        let bytes = pages[index].bytes + Array("\n## A new heading\n\nNew text.\n".utf8)
        let key = ParseCache.Key(source: pages[index].key.source, contentPath: pages[index].key.contentPath,
                                 bytes: ContentHash.of(bytes), unsafeHTML: false)
        pages[index] = (key, bytes, PageParser.parse(source: key.source, contentPath: key.contentPath, bytes: bytes, markdown: MarkdownOptions()))
        let edit = setup.build(pages)
        #expect(edit.results == pages.map(\.page))
        #expect(edit.results[index].value?.markdown.headings.last?.text == "A new heading")
        #expect(edit.hits == setup.parsedCount - 1)
        // The edit wrote a pack holding that page alone, beside the first.
        let packs = setup.packs()
        #expect(packs.count == 2)
        #expect(packs.map(setup.size).min()! < 20_000)
        let after = setup.build(pages)
        #expect(after.results == pages.map(\.page))
        #expect(after.hits == setup.parsedCount)
    }

    /// What a damaged cache may look like; `hits` is how many pages the next build may still
    /// take from it (nil: any number), `repairs` whether that build's save makes it whole again.
    static let damage: [(name: String, hits: Int?, repairs: Bool)] = [
        ("empty index", 0, true), ("index cut in half", 0, true), ("index of random bytes", 0, true),
        ("index of another copse", 0, true), ("index with one byte changed", 0, true), ("index is a folder", 0, false),
        ("pack missing", 0, true), ("pack cut short", 0, true), ("pack of random bytes", 0, true),
        ("pack with a page's byte changed", nil, true), ("pack is a folder", 0, true),
    ]

    @Test(arguments: damage.indices) func aDamagedCacheMeansParsingAgain(index: Int) throws {
        let (name, hits, repairs) = Self.damage[index]
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        _ = setup.build()
        try Self.damage(name, setup)
        let damaged = setup.build()
        #expect(damaged.results == setup.pages.map(\.page), "\(name)")
        if let hits { #expect(damaged.hits == hits, "\(name)") }
        #expect(damaged.hits < setup.parsedCount, "\(name): the damage was not noticed")
        let next = setup.build()
        #expect(next.results == setup.pages.map(\.page), "\(name)")
        #expect((next.hits == setup.parsedCount) == repairs, "\(name): \(next.hits) pages from the disk")
    }

    static func damage(_ name: String, _ setup: Setup) throws {
        let index = setup.folder.appendingPathComponent(ParsedStore.indexName)
        let pack = setup.folder.appendingPathComponent(try #require(setup.packs().first))
        let indexBytes = [UInt8](try Data(contentsOf: index)), packBytes = [UInt8](try Data(contentsOf: pack))
        let noise = { (count: Int) in (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) } }
        switch name {
        case "empty index": try Data().write(to: index)
        case "index cut in half": try Data(indexBytes.prefix(indexBytes.count / 2)).write(to: index)
        case "index of random bytes": try Data(noise(indexBytes.count)).write(to: index)
        case "index of another copse":
            try Data(try setup.index().encoded(stamp: ContentHash(high: 1, low: 2))).write(to: index)
        case "index with one byte changed":
            var changed = indexBytes
            changed[changed.count / 2] ^= 0x20
            try Data(changed).write(to: index)
        case "index is a folder":
            try FileManager.default.removeItem(at: index)
            try FileManager.default.createDirectory(at: index.appendingPathComponent("inside"), withIntermediateDirectories: true)
        case "pack missing": try FileManager.default.removeItem(at: pack)
        case "pack cut short": try Data(packBytes.prefix(packBytes.count - 100)).write(to: pack)
        case "pack of random bytes": try Data(noise(packBytes.count)).write(to: pack)
        case "pack with a page's byte changed":
            var changed = packBytes
            changed[changed.count / 2] ^= 0x01
            try Data(changed).write(to: pack)
        case "pack is a folder":
            try FileManager.default.removeItem(at: pack)
            try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        default: Issue.record("no damage called \(name)")
        }
    }

    @Test func pagesOfFilesThatWentAreDroppedAndTheirBytesReclaimed() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        _ = setup.build()
        let full = setup.size(try #require(setup.packs().first))
        let kept = Array(setup.pages.filter { $0.page.value != nil }.prefix(3))
        let fewer = setup.build(kept)
        #expect(fewer.hits == 3)
        #expect(try Set(setup.index().entries.map(\.key)) == Set(kept.map(\.key)))
        // Most of the pack was dead: it was rewritten with the three pages alone.
        #expect(setup.packs().count == 1)
        #expect(setup.size(try #require(setup.packs().first)) < full / 4)
        #expect(setup.build(kept).hits == 3)
    }

    /// Edit after edit, each writes a small pack; the packs are merged before there are too many,
    /// and every build still gets every page right.
    @Test func manyOnePageEditsKeepFewPacks() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        _ = setup.build()
        var pages = setup.pages
        var mostPacks = 0
        for round in 0..<(3 * ParsedStore.maximumPacks) {
            let index = (round * 7) % pages.count
            let bytes = pages[index].bytes + Array("\nEdit \(round).\n".utf8)
            let key = ParseCache.Key(source: pages[index].key.source, contentPath: pages[index].key.contentPath,
                                     bytes: ContentHash.of(bytes), unsafeHTML: false)
            pages[index] = (key, bytes, PageParser.parse(source: key.source, contentPath: key.contentPath, bytes: bytes, markdown: MarkdownOptions()))
            let build = setup.build(pages)
            #expect(build.results == pages.map(\.page), "round \(round)")
            #expect(build.hits >= setup.parsedCount - 1, "round \(round)")
            mostPacks = max(mostPacks, setup.packs().count)
            #expect(try Set(setup.index().packs.map(\.name)) == Set(setup.packs()), "round \(round): packs nothing uses are deleted")
        }
        #expect(mostPacks == ParsedStore.maximumPacks)
        #expect(setup.build(pages).hits == pages.count { $0.page.value != nil })
    }

    /// Builds saving into one cache at once take turns; whichever saved last, the cache gives
    /// only right pages.
    @Test func concurrentSavesLeaveACacheThatGivesOnlyRightPages() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.work) }
        _ = setup.build()
        let pages = setup.pages
        DispatchQueue.concurrentPerform(iterations: 6) { round in
            var mine = pages
            let index = round * 5 % pages.count
            let bytes = pages[index].bytes + Array("\nRound \(round).\n".utf8)
            let key = ParseCache.Key(source: pages[index].key.source, contentPath: pages[index].key.contentPath,
                                     bytes: ContentHash.of(bytes), unsafeHTML: false)
            mine[index] = (key, bytes, PageParser.parse(source: key.source, contentPath: key.contentPath, bytes: bytes, markdown: MarkdownOptions()))
            #expect(setup.build(mine).results == mine.map(\.page), "round \(round)")
        }
        #expect(setup.build().results == pages.map(\.page))
        #expect(setup.build().hits == setup.parsedCount)
    }
}
