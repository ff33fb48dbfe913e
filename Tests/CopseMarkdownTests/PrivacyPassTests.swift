import Testing
@testable import CopseMarkdown

/// Private passages and HTML comments never reach the rendered page.
@Suite struct PrivacyPassTests {
    @Test func aPrivateFencedBlockIsRemovedAndKeptForTheAudit() {
        let source = "We meet at the library.\n\n```private\nThe door code is 4719.\nAsk [Sam](sam.md).\n```\n\nAll welcome.\n"
        let doc = MarkdownRenderer.render(source)
        #expect(doc.html == "<p>We meet at the library.</p>\n<p>All welcome.</p>\n")
        #expect(doc.privatePassages == ["The door code is 4719.\nAsk [Sam](sam.md).\n"])
        #expect(doc.links.isEmpty, "a link inside a private passage is not a link of the page")
    }

    @Test func tildeFencesAnyCaseAndMoreInfoWordsCount() {
        let doc = MarkdownRenderer.render("~~~ Private notes\none\n~~~\n\n````PRIVATE\ntwo\n````\n\n```python\nprint(3)\n```\n")
        #expect(doc.privatePassages == ["one\n", "two\n"])
        #expect(doc.html.contains("print(3)"))
        #expect(!doc.html.contains("one") && !doc.html.contains("two"))
    }

    @Test func aPrivatePassageBeforeTheTitleLeavesTheTitleFirst() {
        let doc = MarkdownRenderer.render("```private\nnote to self\n```\n# Our charter\n\nText.\n")
        #expect(doc.title == "Our charter")
        #expect(doc.html == "<p>Text.</p>\n")
    }

    @Test func anIndentedCodeBlockNamedNothingIsNotPrivate() {
        let doc = MarkdownRenderer.render("    private\n    kept\n")
        #expect(doc.privatePassages.isEmpty)
        #expect(doc.html.contains("kept"))
    }

    @Test func htmlCommentsGoWhenRawHTMLIsKept() {
        let source = "Text <!-- inline secret --> here.\n\n<!--\nblock secret\n-->\n\n<div>kept <!-- div secret --></div>\n"
        let doc = MarkdownRenderer.render(source, options: MarkdownOptions(unsafeHTML: true))
        #expect(doc.html == "<p>Text  here.</p>\n<div>kept </div>\n")
    }

    @Test func htmlCommentsLeaveNoTraceWhenRawHTMLIsOmitted() {
        let doc = MarkdownRenderer.render("Text <!-- secret --> here.\n\n<!-- block secret -->\n\n<b>bold</b>\n")
        #expect(doc.html == "<p>Text  here.</p>\n<p><!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n")
    }

    @Test func anUnclosedCommentRunsToTheEndOfItsBlock() {
        #expect(HTMLComments.removed(from: "<p>a</p><!-- never closed\nstill secret") == "<p>a</p>")
        #expect(HTMLComments.removed(from: "a<!--1-->b<!--2-->c") == "abc")
    }
}
