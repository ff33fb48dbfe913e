import Testing
@testable import CopseBuild

@Suite struct ShinglesTests {
    static func windows(_ text: String, markup: Bool) -> [(UInt64, String)] {
        var text = text
        var found: [(UInt64, String)] = []
        text.withUTF8 { bytes in
            Shingles.each(in: bytes, markup: markup) { window in
                found.append((window.hash, String(decoding: UnsafeBufferPointer(rebasing: bytes[window.start..<window.end]), as: UTF8.self)))
            }
        }
        return found
    }

    @Test func windowsAreFiveWordsAndIgnoreCasePunctuationAndLineBreaks() {
        let plain = Self.windows("One two, THREE\nfour five six", markup: false)
        #expect(plain.map(\.1) == ["One two, THREE\nfour five", "two, THREE\nfour five six"])
        let other = Self.windows("one TWO three four... five", markup: false)
        #expect(other.map(\.0) == [plain[0].0])
        #expect(Self.windows("one two three four", markup: false).isEmpty)
    }

    @Test func markupIsSkippedWithoutSplittingWords() {
        let html = Self.windows("<p>One <em>tw</em>o three</p>\n<p>four &lt;strong&gt;five&lt;/strong&gt;</p>", markup: true)
        let plain = Self.windows("one two three four five", markup: false)
        #expect(html.map(\.0) == plain.map(\.0))
        // Without markup, the tag's name is a word like any other.
        #expect(Self.windows("<p>One two three four</p>", markup: false).map(\.1) == ["p>One two three four", "One two three four</p"])
        // An escaped "<" that opens no tag is text.
        #expect(Self.windows("a &lt; b c d", markup: true).map(\.1) == ["a &lt; b c d"])
    }
}
