import CopseMarkdown
import Testing
@testable import CopseCore

/// YAML 1.1's base-60 numbers (`1:30`) that do not fit in an Int made Yams trap, so a front
/// matter value like `1:1:1:1:1:1:1:1:1:1:1:1` crashed copse (found by the page-parser fuzzer).
@Suite struct YAMLBaseSixtyTests {
    @Test func numbersThatWouldOverflowAreFound() {
        for text in ["1:1:1:1:1:1:1:1:1:1:1", "999999999999999999:59", "-1:1:1:1:1:1:1:1:1:1:1", "1_:_1:1:1:1:1:1:1:1:1:1",
                     "+1:1:1:1:1:1:1:1:1:1:1", "1:9223372036854775807"] {
            #expect(YAMLBaseSixty.overflows(text), "\(text)")
        }
        for text in ["1:30", "190:20:30", "1:1:1:1:1:1:1:1:1:1", "18:30", "0x1:1:1:1:1:1:1:1:1:1:1", "01:1:1:1:1:1:1:1:1:1:1",
                     "1:", "a:1", "1:1:1:1:1:1:1:1:1:1:1:x", "12", "https://example.org:8080/1:2"] {
            #expect(!YAMLBaseSixty.overflows(text), "\(text)")
        }
    }

    func parse(_ frontMatter: String) -> Checked<ParsedPage> {
        PageParser.parse(source: "content/a.md", contentPath: "a.md", bytes: Array("---\n\(frontMatter)---\nText.\n".utf8),
                         markdown: MarkdownOptions())
    }

    /// Such a value is read as the text it is; a base-60 number that fits is read as before.
    @Test func aValueThatWouldOverflowIsText() throws {
        let page = try parse("title: A\nx: 1:1:1:1:1:1:1:1:1:1:1:1\ny: [18:30, 999999999999999999:59]\n").get()
        #expect(page.extra == [
            .init(key: "x", value: .string("1:1:1:1:1:1:1:1:1:1:1:1")),
            .init(key: "y", value: .list([.int(1110), .string("999999999999999999:59")])),
        ])
    }

    /// A key that wants a number reports such a value, with its line, instead of crashing.
    @Test func aKeyThatWantsANumberReportsIt() {
        let result = parse("title: A\nattendees: 1:1:1:1:1:1:1:1:1:1:1:1\n")
        #expect(result.value == nil)
        #expect(result.diagnostics.contains { $0.location.line == 3 && $0.message.contains("attendees") }, "\(result.diagnostics)")
    }
}
