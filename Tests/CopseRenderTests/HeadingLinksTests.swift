import CopseMarkdown
import Testing
@testable import CopseRender

/// A link beside each heading, the contents of a page, and where its introduction ends.
@Suite struct HeadingLinksTests {
    static func heading(_ level: Int, _ text: String, _ id: String) -> MarkdownHeading {
        MarkdownHeading(level: level, text: text, id: id)
    }

    @Test func eachHeadingGetsALinkToItselfNamedAfterIt() {
        let html = "<p>Intro</p>\n<h2 id=\"a-b\">A &amp; B</h2>\n<p>Text</p>\n<h3 id=\"c\">C \"quoted\"</h3>\n"
        let result = HeadingLinks.decorate(html, headings: [Self.heading(2, "A & B", "a-b"), Self.heading(3, "C \"quoted\"", "c")])
        #expect(result.html == """
            <p>Intro</p>
            <div class="heading"><h2 id="a-b">A &amp; B</h2><a class="heading-link" href="#a-b" aria-label="Link to this section: \
            A &amp; B">#</a></div>
            <p>Text</p>
            <div class="heading"><h3 id="c">C "quoted"</h3><a class="heading-link" href="#c" aria-label="Link to this section: \
            C &quot;quoted&quot;">#</a></div>

            """)
        let first = try! #require(result.firstHeading)
        #expect(result.html[..<first] == "<p>Intro</p>\n")
    }

    @Test func aPageWithoutHeadingsIsLeftAsItIs() {
        let result = HeadingLinks.decorate("<p>Only text</p>\n", headings: [])
        #expect(result.html == "<p>Only text</p>\n")
        #expect(result.firstHeading == nil)
    }

    @Test func contentsNestLevelThreeUnderLevelTwoFromThreeHeadingsOn() {
        let two = [Self.heading(2, "One", "one"), Self.heading(3, "One a", "one-a")]
        #expect(HeadingLinks.contents(two).isEmpty)
        let headings = [Self.heading(3, "Lead", "lead"), Self.heading(2, "One", "one"), Self.heading(3, "One a", "one-a"),
                        Self.heading(4, "Deep", "deep"), Self.heading(2, "Two", "two")]
        let contents = HeadingLinks.contents(headings)
        #expect(contents.map(\.title) == ["Lead", "One", "Two"])
        #expect(contents.map(\.url) == ["#lead", "#one", "#two"])
        #expect(contents[1].children.map(\.title) == ["One a"])
        #expect(contents[0].children.isEmpty && contents[2].children.isEmpty)
    }
}
