import Testing
@testable import CopseMarkdown

/// The passes run only over kinds of node a page has (``TreeCensus``). A kind found only deep
/// inside others must still be found, or its pass would be skipped: a private passage would be
/// published, a table would lose its scrolling region.
@Suite struct TreeCensusTests {
    /// Each kind alone, nested in a list item inside a quote (a quote that is no callout).
    @Test func everyKindIsFoundHoweverDeepItIs() {
        func nested(_ block: String) -> String {
            "Intro.\n\n> Quoted.\n>\n> - item\n>\n"
                + block.split(separator: "\n", omittingEmptySubsequences: false).map { ">   " + $0 }.joined(separator: "\n") + "\n"
        }
        let privateDoc = MarkdownRenderer.render(nested("```private\nsecret\n```"))
        #expect(privateDoc.privatePassages == ["secret\n"])
        #expect(!privateDoc.html.contains("secret"))

        let commentDoc = MarkdownRenderer.render(nested("text <!-- hidden --> more"), options: MarkdownOptions(unsafeHTML: true))
        #expect(!commentDoc.html.contains("hidden"))

        let tableDoc = MarkdownRenderer.render(nested("| a | b |\n| - | - |\n| 1 | 2 |"))
        #expect(tableDoc.html.contains("<div class=\"content-table\" tabindex=\"0\" role=\"region\" aria-label=\"Table 1: a, b\">"))

        let headingDoc = MarkdownRenderer.render(nested("### Deep heading"))
        #expect(headingDoc.headings.map(\.id) == ["deep-heading"])

        let linkDoc = MarkdownRenderer.render(nested("see [the charter](charter.md)"))
        #expect(linkDoc.links.map(\.destination) == ["charter.md"])

        let imageDoc = MarkdownRenderer.render(nested("![](photo.png)"))
        #expect(imageDoc.imagesWithoutDescription.count == 1)
        #expect(imageDoc.links.map(\.destination) == ["photo.png"])

        let calloutDoc = MarkdownRenderer.render("- item\n\n  > [!NOTE]\n  > Inside a list.\n")
        #expect(calloutDoc.html.contains("callout-note"))

        let footnoteDoc = MarkdownRenderer.render(nested("a claim[^1]") + "\n[^1]: The source.\n")
        #expect(footnoteDoc.otherAnchors.contains("fn-1"))
    }
}
