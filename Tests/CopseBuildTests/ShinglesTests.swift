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
        let html = Self.windows("<p>One <em>tw</em>o three\nfour &lt;strong&gt;five&lt;/strong&gt;</p>", markup: true)
        let plain = Self.windows("one two three four five", markup: false)
        #expect(html.map(\.0) == plain.map(\.0))
        // Without markup, the tag's name is a word like any other.
        #expect(Self.windows("<p>One two three four</p>", markup: false).map(\.1) == ["p>One two three four", "One two three four</p"])
        // An escaped "<" that opens no tag is text.
        #expect(Self.windows("a &lt; b c d", markup: true).map(\.1) == ["a &lt; b c d"])
    }

    @Test func aBlockTagEndsTheRunSoWordsOfTwoBlocksAreNoPassage() {
        // A breadcrumb then the page title: five words in a row, but in two blocks.
        let crumbs = "<ol><li><a href=\"../\">Resources</a></li><li><span>Project brief managing the exam</span></li></ol>"
        #expect(Self.windows(crumbs, markup: true).map(\.1) == ["Project brief managing the exam"])
        #expect(Self.windows("<h2>Resources</h2>\n<p>Project brief managing the exam</p>", markup: true).map(\.1)
            == ["Project brief managing the exam"])
        // Escaped block tags (a feed's content) end the run too; inline ones do not.
        #expect(Self.windows("one two &lt;/p&gt;&lt;p&gt;three four five", markup: true).isEmpty)
        #expect(Self.windows("one two &lt;a href=x&gt;three&lt;/a&gt; four five", markup: true).count == 1)
        // A name longer than any block tag is not one.
        #expect(Self.windows("one two <figcaptions> three four five", markup: true).count == 1)
    }
}
