import CopseMarkdown
import Testing
@testable import CopseCore

@Suite struct PageParserTests {
    func parse(_ text: String, path: String = "communities/a/charter.md") -> Checked<ParsedPage> {
        PageParser.parse(source: "content/" + path, contentPath: path, bytes: Array(text.utf8), markdown: MarkdownOptions())
    }

    @Test func readsTypedKeysAndKeepsUnknownOnes() throws {
        let page = try parse("---\ntitle: Our charter\ntags: [care, voice]\ndraft: false\ncolour: green\nlevels: [1, 2]\n---\n# Heading\n\nText.\n").get()
        #expect(page.frontMatter.title == "Our charter")
        #expect(page.frontMatter.tags == ["care", "voice"])
        #expect(page.frontMatter.draft == false)
        #expect(page.extra == [
            .init(key: "colour", value: .string("green")),
            .init(key: "levels", value: .list([.int(1), .int(2)])),
        ])
        #expect(page.bodyLineOffset == 7)
        #expect(page.markdown.title == "Heading")
        #expect(page.keyLines["colour"] == 5)
    }

    @Test func wrongTypeIsReportedAtTheKeysLine() {
        let result = parse("---\ntitle: Notes\ndraft: maybe\n---\nBody\n")
        #expect(result.failureText == """
        content/communities/a/charter.md:3:1: error: 'draft' should be true or false
            hint: write 'draft: true' or 'draft: false'
        """)
    }

    @Test func listWhereTextIsExpected() {
        let result = parse("---\ntitle:\n  - one\n  - two\n---\n")
        #expect(result.failureText?.hasPrefix("content/communities/a/charter.md:2:1: error: 'title' should be text, not a list or a map") == true)
    }

    @Test func badDateIsReportedAtItsKey() {
        let result = parse("---\ntitle: x\n\nupdated: 2026-13-01\n---\n")
        #expect(result.failureText?.hasPrefix("content/communities/a/charter.md:4:1: error: 'updated': '2026-13-01' is not a date") == true)
    }

    @Test func yamlSyntaxErrorPointsIntoTheFile() {
        let result = parse("---\ntitle: ok\nsummary: \"unclosed\n---\nbody\n")
        let text = result.failureText ?? ""
        #expect(text.hasPrefix("content/communities/a/charter.md:"))
        #expect(text.contains("error: invalid YAML"))
        let line = text.split(separator: ":")[1]
        #expect(["3", "4", "5"].contains(String(line)))
    }

    @Test func unclosedFrontMatter() {
        #expect(parse("---\ntitle: x\n\nBody\n").failureText?.contains(":1:1: error: the front matter starting here is never closed") == true)
    }

    @Test func noFrontMatterAndCRLF() throws {
        let page = try parse("---\r\ntitle: Windows\r\n---\r\n\r\nSee [n](norms.md).\r\n").get()
        #expect(page.frontMatter.title == "Windows")
        #expect(page.markdown.links.first.map { page.location(of: $0) } == SourceLocation(path: "content/communities/a/charter.md", line: 5, column: 5))
        let plain = try parse("Just text.\n").get()
        #expect(plain.frontMatter == FrontMatter())
        #expect(plain.bodyLineOffset == 0)
    }

    @Test func attendanceIsACountOrNames() throws {
        #expect(try parse("---\nattendees: 12\n---\n").get().frontMatter.attendees == .count(12))
        #expect(try parse("---\nattendees: [Asha, Ben]\n---\n").get().frontMatter.attendees == .names(["Asha", "Ben"]))
        #expect(parse("---\nattendees: {a: 1}\n---\n").failureText?.contains("'attendees' should be a number of people or a list of names") == true)
    }
}

extension Checked {
    /// The problems as printed, when there is no value.
    var failureText: String? {
        if value == nil { return BuildFailure(diagnostics).description }
        return nil
    }
}
