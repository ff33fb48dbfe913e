@testable import CopseBuild
import Testing

@Suite struct BuildManifestTests {
    static let sample = BuildManifest(
        program: ContentHash(high: 1, low: 2), inputs: ContentHash(high: .max, low: 0), site: ContentHash(high: 3, low: 4),
        pages: [.init(source: "content/a b.md", hash: ContentHash(high: 13, low: 14)), .init(source: "content/c.md", hash: ContentHash(high: 15, low: 16))],
        output: "/tmp/a site/output",
        audit: ContentHash(high: 0xabc, low: 0xdef), pageCount: 12, auditedPages: 3, auditedPassages: nil, quiet: true,
        files: ["a b/index.html": .init(hash: ContentHash(high: 5, low: 6), key: ContentHash(high: 11, low: 12), reads: [1, 0], stamp: FileStamp(size: 10, inode: 7, modified: -5, changed: 9), kind: .generated),
                "search/index.js": .init(hash: ContentHash(high: 17, low: 18), key: nil, reads: [], stamp: FileStamp(size: 1, inode: 2, modified: 3, changed: 4), kind: .generated),
                "photo.svg": .init(hash: ContentHash(high: 8, low: 9), key: nil, stamp: FileStamp(size: 0, inode: .max, modified: 1, changed: 2), kind: .copied),
                ".": .init(hash: ContentHash(high: 0, low: 0), key: nil, stamp: FileStamp(size: 4096, inode: 3, modified: 4, changed: 5, isFolder: true), kind: .folder)])

    @Test func aManifestReadsBackAsItWasWritten() throws {
        #expect(try BuildManifest.decode(Self.sample.encoded()).get() == Self.sample)
    }

    @Test func aManifestWithoutASiteKeyOrPagesReadsBack() throws {
        var manifest = Self.sample
        manifest.site = nil
        manifest.pages = []
        for path in manifest.files.keys { manifest.files[path]?.reads = nil }
        #expect(try BuildManifest.decode(manifest.encoded()).get() == manifest)
    }

    @Test func aFileThatReadsAPageTheManifestDoesNotListIsRefused() {
        var manifest = Self.sample
        manifest.files["a b/index.html"]?.reads = [2]
        #expect((try? BuildManifest.decode(manifest.encoded()).get()) == nil)
    }

    @Test func everyCutOfAManifestIsRefused() {
        let text = Self.sample.encoded()
        for length in 0..<text.utf8.count {
            let cut = String(decoding: Array(text.utf8.prefix(length)), as: UTF8.self)
            #expect((try? BuildManifest.decode(cut).get()) == nil, "cut at \(length)")
        }
    }

    @Test func aHashIsItsHexadecimalText() {
        let hash = ContentHash.of("copse")
        #expect(ContentHash(hex: Substring(hash.description)) == hash)
        #expect(hash.description.count == 32)
        #expect(ContentHash.of("ab") != ContentHash.of("ba"))
        var one = Hasher128(), other = Hasher128()
        one.add("ab"); one.add("c")
        other.add("a"); other.add("bc")
        #expect(one.finish() != other.finish())
    }
}
