@testable import CopseBuild
import Testing

@Suite struct BuildManifestTests {
    static let sample = BuildManifest(
        program: ContentHash(high: 1, low: 2), inputs: ContentHash(high: .max, low: 0), site: ContentHash(high: 3, low: 4),
        pages: [.init(source: "content/a b.md", hash: ContentHash(high: 13, low: 14)), .init(source: "content/c.md", hash: ContentHash(high: 15, low: 16))],
        output: "/tmp/a site/output",
        audit: ContentHash(high: 0xabc, low: 0xdef), pageCount: 12, auditedPages: 3, auditedPassages: nil, quiet: true,
        files: [.init(path: "a b/index.html", hash: ContentHash(high: 5, low: 6), key: ContentHash(high: 11, low: 12), reads: [1, 0], stamp: FileStamp(size: 10, inode: 7, modified: -5, changed: 9), kind: .generated),
                .init(path: "search/index.js", hash: ContentHash(high: 17, low: 18), key: nil, reads: [], stamp: FileStamp(size: 1, inode: 2, modified: 3, changed: 4), kind: .generated),
                .init(path: "photo.svg", hash: ContentHash(high: 8, low: 9), key: nil, stamp: FileStamp(size: 0, inode: .max, modified: 1, changed: 2), kind: .copied),
                .init(path: ".", hash: ContentHash(high: 0, low: 0), key: nil, stamp: FileStamp(size: 4096, inode: 3, modified: 4, changed: 5, isFolder: true), kind: .folder)])

    @Test func aManifestReadsBackAsItWasWritten() throws {
        #expect(try BuildManifest.decode(Self.sample.encoded()).get() == Self.sample)
    }

    /// A manifest written after another copies the lines of unchanged files from it: what it
    /// writes is what it would write on its own, whatever changed.
    @Test func linesCopiedFromTheLastManifestAreTheLinesItWouldWrite() throws {
        let read = try BuildManifest.decode(Self.sample.encoded()).get()
        #expect(read.lines.ranges.count == Self.sample.files.count)
        var changes: [(String, (inout BuildManifest) -> Void)] = [("nothing", { _ in })]
        changes.append(("a stamp", { $0.files[0].stamp.modified += 1 }))
        changes.append(("a path", { $0.files[1].path = "search/other.js" }))
        changes.append(("reads", { $0.files[0].reads = [0] }))
        changes.append(("a file added first", { $0.files.insert($0.files[2], at: 0) }))
        changes.append(("a file taken away", { $0.files.remove(at: 1) }))
        changes.append(("no pages, so no reads", { manifest in
            manifest.pages = []
            for index in manifest.files.indices { manifest.files[index].reads = nil }
        }))
        for (name, change) in changes {
            var next = Self.sample
            change(&next)
            #expect(next.encoded(previous: read) == next.encoded(), "\(name)")
        }
        // The lines are copied, not made again: bytes marked in a line read show in the output.
        var marked = read
        var bytes = read.lines.bytes
        let first = read.lines.ranges[0]
        bytes[first.upperBound - 2] = UInt8(ascii: "X")
        marked.lines = BuildManifest.FileLines(bytes: bytes, ranges: read.lines.ranges, withReads: true)
        let copied = String(decoding: Self.sample.encoded(previous: marked), as: UTF8.self)
        #expect(copied.contains("index.htmX\n"))
    }

    @Test func aManifestWithoutASiteKeyOrPagesReadsBack() throws {
        var manifest = Self.sample
        manifest.site = nil
        manifest.pages = []
        for index in manifest.files.indices { manifest.files[index].reads = nil }
        #expect(try BuildManifest.decode(manifest.encoded()).get() == manifest)
    }

    @Test func aManifestWithASpareReadsBack() throws {
        var manifest = Self.sample
        manifest.spare = .init(folderHash: ContentHash(high: 21, low: 22), missing: ["photo.svg", "a b/index.html"],
                               extra: [.init(path: "old page/index.html", isFolder: false), .init(path: "old page", isFolder: true)])
        let bytes = manifest.encoded()
        #expect(try BuildManifest.decode(bytes).get() == manifest)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\nspare 00000000000000150000000000000016\n"))
        #expect(text.contains("\nm photo.svg\nm a b/index.html\nx f old page/index.html\nx d old page\nend "))
        for length in 0..<bytes.count {
            #expect((try? BuildManifest.decode(Array(bytes.prefix(length))).get()) == nil, "cut at \(length)")
        }
        // A listing that cannot be written whole vouches for no spare.
        manifest.spare?.missing.append("two\nlines")
        #expect(try BuildManifest.decode(manifest.encoded()).get().spare == nil)
    }

    @Test func aFileThatReadsAPageTheManifestDoesNotListIsRefused() {
        var manifest = Self.sample
        manifest.files[0].reads = [2]
        #expect((try? BuildManifest.decode(manifest.encoded()).get()) == nil)
    }

    @Test func everyCutOfAManifestIsRefused() {
        let bytes = Self.sample.encoded()
        for length in 0..<bytes.count {
            #expect((try? BuildManifest.decode(Array(bytes.prefix(length))).get()) == nil, "cut at \(length)")
        }
    }

    /// The text as earlier versions wrote it (by String formatting): the byte-wise encoder must
    /// not change a character of the format.
    @Test func theFormatIsTheDocumentedOne() {
        let text = String(decoding: Self.sample.encoded(), as: UTF8.self)
        let body = """
            copse-build-cache 5
            program 00000000000000010000000000000002
            inputs ffffffffffffffff0000000000000000
            site 00000000000000030000000000000004
            audit 0000000000000abc0000000000000def
            pages 12 3 -
            quiet 1
            output /tmp/a site/output
            spare -
            pages 2
            p 000000000000000d000000000000000e content/a b.md
            p 000000000000000f0000000000000010 content/c.md
            f 00000000000000050000000000000006 000000000000000b000000000000000c r1,0 10 7 -5 9 g a b/index.html
            f 00000000000000110000000000000012 - r 1 2 3 4 g search/index.js
            f 00000000000000080000000000000009 - - 0 18446744073709551615 1 2 s photo.svg
            f 00000000000000000000000000000000 - - 4096 3 4 5 d .

            """
        #expect(text == body + "end \(ContentHash.of(body))\n")
    }

    /// A large site's manifest: thousands of files, megabytes of text.
    static func large(files count: Int) -> BuildManifest {
        var manifest = sample
        manifest.files = (0..<count).map { index -> BuildManifest.Entry in
            let path = "meetings/term-\(index / 100)/note-\(index)/index.html"
            let stamp = FileStamp(size: Int64(index), inode: UInt64(1000 + index), modified: Int64(2 * index), changed: Int64(3 * index))
            return BuildManifest.Entry(path: path, hash: ContentHash(high: UInt64(index), low: 7), key: ContentHash(high: 1, low: UInt64(index)),
                                       reads: [index % 2], stamp: stamp, kind: .generated)
        }
        return manifest
    }

    /// Written a piece at a time, never whole: the pieces are the text `encoded` makes, its
    /// checksum taken block by block as the format says, and it reads back.
    @Test func aLargeManifestIsWrittenInPiecesAndReadsBack() throws {
        let manifest = Self.large(files: 5000)
        var pieces: [[UInt8]] = []
        #expect(manifest.write { pieces.append(Array($0)); return true })
        let bytes = pieces.flatMap { $0 }
        #expect(bytes == manifest.encoded())
        #expect(bytes.count > 8 * BuildManifest.checksumBlock)
        #expect(pieces.count >= 4)
        #expect(pieces.map(\.count).max() ?? 0 < bytes.count / 2)
        #expect(pieces.dropLast().allSatisfy { $0.count % BuildManifest.checksumBlock == 0 })
        #expect(try BuildManifest.decode(bytes).get() == manifest)
        // The checksum, worked out here block by block from the text before the last line.
        let text = String(decoding: bytes, as: UTF8.self)
        let body = Array(text.utf8.dropLast(Array("end \(ContentHash(high: 0, low: 0))\n".utf8).count))
        var hasher = Hasher128()
        for start in stride(from: 0, to: body.count, by: 1 << 16) { hasher.add(Array(body[start..<min(start + (1 << 16), body.count)])) }
        #expect(text.hasSuffix("\nend \(hasher.finish())\n"))
        // A byte changed in a middle block, or a block cut out, is found.
        var damaged = bytes
        damaged[3 * BuildManifest.checksumBlock + 17] ^= 0x01
        #expect((try? BuildManifest.decode(damaged).get()) == nil)
        var cut = bytes
        cut.removeSubrange(BuildManifest.checksumBlock..<(2 * BuildManifest.checksumBlock))
        #expect((try? BuildManifest.decode(cut).get()) == nil)
    }

    /// A piece that cannot be written stops the writing: nothing more is handed over.
    @Test func writingStopsAtTheFirstPieceNotWritten() {
        var calls = 0
        #expect(!Self.large(files: 5000).write { _ in
            calls += 1
            return false
        })
        #expect(calls == 1)
    }

    @Test func everyByteChangedIsRefused() {
        let bytes = Self.sample.encoded()
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x01
            #expect((try? BuildManifest.decode(damaged).get()) == nil, "byte \(index)")
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
