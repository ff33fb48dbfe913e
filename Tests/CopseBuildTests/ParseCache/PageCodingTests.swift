@testable import CopseBuild
import CopseCore
import CopseMarkdown
import Testing

/// The parse cache's binary form gives back exactly the page and warnings it was given, and
/// nothing for bytes that are not one whole page.
@Suite struct PageCodingTests {
    /// How many stored fields each type the cache writes has. A field added to one of them fails
    /// this test: write and read it in PageCoding (and PageCoding+Fields), bump
    /// `PageCoding.formatVersion`, set it in `PageSamples.page`, then update the count here.
    static func fieldCounts() -> [(name: String, value: Any, count: Int)] {
        let page = PageSamples.everyField[0].value!
        return [
            ("ParsedPage", page, 8), ("FrontMatter", page.frontMatter, 16), ("MarkdownDocument", page.markdown, 8),
            ("MarkdownHeading", page.markdown.headings[0], 3), ("MarkdownLink", page.markdown.links[0], 6),
            ("MarkdownPosition", page.markdown.imagesWithoutDescription[0], 2), ("Evidence", page.frontMatter.evidence!, 6),
            ("MeetingTime", page.frontMatter.time!, 2), ("Day", page.frontMatter.date!, 3),
            ("Diagnostic", page.evidenceKeyProblems[0], 4), ("SourceLocation", page.evidenceKeyProblems[0].location, 3),
            ("YAMLValue.MapEntry", page.extra[0], 2),
        ]
    }

    @Test func everyTypeHasTheFieldsTheCacheWrites() {
        for (name, value, count) in Self.fieldCounts() {
            #expect(Mirror(reflecting: value).children.count == count,
                    "\(name) changed: write and read the new field in PageCoding, bump PageCoding.formatVersion, set it in PageSamples, then update fieldCounts")
        }
    }

    @Test func theSampleSetsEveryField() {
        for sample in PageSamples.everyField {
            #expect(PageSamples.unsetFields(sample.value!) == [], "set these in PageSamples.page so that the round trip covers them")
        }
    }

    @Test func aPageSettingEveryFieldReadsBackEqual() throws {
        for sample in PageSamples.everyField {
            let bytes = PageCoding.encode(sample.value!, diagnostics: sample.diagnostics)
            let decoded = try #require(PageCoding.decode(bytes))
            #expect(decoded == sample)
            // The same bytes again: doubles keep their bits (-0.0 == 0.0, but not for the cache).
            #expect(PageCoding.encode(decoded.value!, diagnostics: decoded.diagnostics) == bytes)
        }
    }

    @Test func everyPageOfTheExampleHubAndTheFixturesReadsBackEqual() throws {
        var parsed = 0
        for content in PageSamples.contentFolders {
            for unsafeHTML in [false, true] {
                for (key, _, page) in try PageSamples.pages(in: content, unsafeHTML: unsafeHTML) {
                    guard let value = page.value else { continue }
                    parsed += 1
                    let decoded = PageCoding.decode(PageCoding.encode(value, diagnostics: page.diagnostics))
                    #expect(decoded == page, "\(content.path)/\(key.contentPath), unsafe HTML \(unsafeHTML)")
                }
            }
        }
        #expect(parsed > 400)
    }

    @Test func everyCutAndAnythingAfterThePageIsRefused() throws {
        let sample = PageSamples.everyField[0]
        let bytes = PageCoding.encode(sample.value!, diagnostics: sample.diagnostics)
        for length in 0..<bytes.count {
            #expect(PageCoding.decode(Array(bytes.prefix(length))) == nil, "cut at \(length) of \(bytes.count)")
        }
        #expect(PageCoding.decode(bytes + [0]) == nil)
    }

    /// A changed byte either makes bytes that are not a page, or another page (which the cache's
    /// checksums catch, see ParsedStoreTests); it never traps or reads out of bounds.
    @Test func changedBytesNeverCrashTheDecoder() {
        let sample = PageSamples.everyField[1]
        let bytes = PageCoding.encode(sample.value!, diagnostics: sample.diagnostics)
        var refused = 0
        for index in bytes.indices {
            for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xC3, 0xFF] where bytes[index] != value {
                var changed = bytes
                changed[index] = value
                if PageCoding.decode(changed) == nil { refused += 1 }
            }
        }
        #expect(refused > bytes.count)
    }

    @Test func numbersOfAnySizeReadBack() throws {
        var writer = ByteWriter()
        let numbers = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int(Int32.min), .max, .min]
        for number in numbers { writer.int(number) }
        writer.unsigned(.max)
        var read: [Int] = []
        var top: UInt64 = 0
        try writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            for _ in numbers { read.append(try reader.int()) }
            top = try reader.unsigned()
            #expect(reader.isAtEnd)
        }
        #expect(read == numbers)
        #expect(top == .max)
        // Eleven bytes of a varint, or a tenth byte above 1: too large for 64 bits.
        for bad: [UInt8] in [Array(repeating: 0xFF, count: 10) + [0x01], Array(repeating: 0x80, count: 9) + [0x02]] {
            bad.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                #expect((try? reader.unsigned()) == nil)
            }
        }
    }

    /// Text is compared after decoding unless it is ASCII: a byte of 0x80 or more anywhere in
    /// it, at either side of each eight-byte word, must be seen.
    @Test func aByteAboveASCIIIsSeenWhereverItIs() {
        for count in 0..<20 {
            let ascii = [UInt8](repeating: 0x7F, count: count)
            #expect(ascii.withUnsafeBytes(ByteReader.isASCII), "\(count)")
            for position in 0..<count {
                var bytes = ascii
                bytes[position] = 0x80
                #expect(!bytes.withUnsafeBytes(ByteReader.isASCII), "\(count) at \(position)")
            }
        }
        // Long text that is not UTF-8 past its first word is still refused.
        var writer = ByteWriter()
        let bytes = Array("twelve bytes".utf8) + [0xED, 0xA0, 0x80]
        writer.count(bytes.count)
        writer.raw(bytes)
        writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            #expect((try? reader.string()) == nil)
        }
    }

    @Test func textThatIsNotUTF8IsRefused() {
        for (bytes, text): ([UInt8], String?) in [([0xC3, 0xA9], "é"), ([0xC3, 0x28], nil), ([0xFF], nil), ([0xE2, 0x82], nil),
                                                  ([0xED, 0xA0, 0x80], nil), ([0x61, 0x00], "a\u{0}"), ([], "")] {
            var writer = ByteWriter()
            writer.count(bytes.count)
            writer.raw(bytes)
            writer.bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                #expect((try? reader.string()) == text, "\(bytes)")
            }
        }
    }

    @Test func aCountLargerThanTheBytesLeftIsRefusedBeforeAnythingIsAllocated() {
        var writer = ByteWriter()
        writer.count(1 << 40)
        writer.raw([1, 2, 3])
        writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            #expect((try? reader.strings()) == nil)
        }
    }
}
