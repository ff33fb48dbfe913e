@testable import CopseBuild
import Testing

@Suite struct ParsedIndexTests {
    static let sample = ParsedIndex(
        packs: [.init(name: "pack-00000000000000ff", size: 4000), .init(name: "pack-0123456789abcdef", size: 120)],
        entries: [
            .init(key: .init(source: "content/a b.md", contentPath: "a b.md", bytes: ContentHash(high: 1, low: 2), unsafeHTML: false),
                  pack: 0, offset: 18, length: 3982, checksum: .max, facet: ContentHash(high: 5, low: 6)),
            .init(key: .init(source: "content/é/ü.md", contentPath: "é/ü.md", bytes: ContentHash(high: 3, low: 4), unsafeHTML: true),
                  pack: 1, offset: 100, length: 20, checksum: 0x0123_4567_89ab_cdef, facet: ContentHash(high: .max, low: 0)),
        ])

    @Test func anIndexReadsBackAsItWasWritten() throws {
        #expect(try ParsedIndex.decode(Self.sample.encoded()).get() == Self.sample)
    }

    @Test func everyCutOfAnIndexIsRefused() {
        let bytes = Self.sample.encoded()
        for length in 0..<bytes.count {
            #expect((try? ParsedIndex.decode(Array(bytes.prefix(length))).get()) == nil, "cut at \(length)")
        }
    }

    @Test func anIndexOfAnotherCopseIsNotRead() {
        let other = Self.sample.encoded(stamp: ContentHash(high: 7, low: 8))
        #expect(ParsedIndex.decode(other) == .failure(.otherStamp))
    }

    /// Checked after the checksum: an index whose entries point outside their packs, at a pack
    /// that is not listed, or share a path, or whose pack names could leave the folder.
    @Test func anIndexThatDoesNotAddUpIsRefused() {
        var outside = Self.sample
        outside.entries[1].length = 21
        var noPack = Self.sample
        noPack.entries[1].pack = 2
        var twice = Self.sample
        twice.entries[1].key.contentPath = "a b.md"
        var escaping = Self.sample
        escaping.packs[0].name = "../../../etc/passwd"
        var inMagic = Self.sample
        inMagic.entries[0].offset = 3
        for index in [outside, noPack, twice, escaping, inMagic] {
            #expect(ParsedIndex.decode(index.encoded()) == .failure(.damaged))
        }
    }
}
