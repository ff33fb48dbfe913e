import Testing
@testable import CopseMarkdown

/// GitHub-style alerts become callouts; images without a description are listed for a warning.
@Suite struct CalloutTests {
    @Test func eachAlertKindBecomesACalloutWithAVisibleTitle() {
        for (marker, kind, title) in [("NOTE", "note", "Note"), ("tip", "tip", "Tip"), ("Important", "important", "Important"),
                                      ("WARNING", "warning", "Warning"), ("CAUTION", "caution", "Caution")] {
            let doc = MarkdownRenderer.render("> [!\(marker)]\n> Bring a *charged* laptop.\n")
            #expect(doc.html == """
                <div class="callout callout-\(kind)" role="note">
                <p class="callout-title">\(title)</p>
                <p>Bring a <em>charged</em> laptop.</p>
                </div>

                """, "\(marker)")
        }
    }

    @Test func aMarkerOnItsOwnParagraphAndLaterBlocksStayInside() {
        let doc = MarkdownRenderer.render("> [!TIP]\n>\n> First.\n>\n> - one\n")
        #expect(doc.html == "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>First.</p>\n<ul>\n<li>one</li>\n</ul>\n</div>\n")
    }

    @Test func otherQuotesStayQuotes() {
        for source in ["> [!NOTICE]\n> text\n", "> [!NOTE] text on the same line\n", "> Just a quote.\n", "> [link](x.md)\n"] {
            let doc = MarkdownRenderer.render(source)
            #expect(doc.html.hasPrefix("<blockquote>"), "\(source)")
        }
    }

    @Test func imagesWithoutADescriptionAreListedAndDecorativeOnesGetAnEmptyAlt() {
        let doc = MarkdownRenderer.render("Intro.\n\n![](a.png) and ![A map](b.png)\n\n![\"\"](line.png)\n")
        #expect(doc.imagesWithoutDescription == [MarkdownPosition(line: 3, column: 1)])
        #expect(doc.html.contains("alt=\"\""))
        #expect(!doc.html.contains("&quot;&quot;"))
    }
}
