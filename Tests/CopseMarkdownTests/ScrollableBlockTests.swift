import Testing
@testable import CopseMarkdown

/// Tables and code blocks can be wider than a phone's screen; they scroll inside themselves, and
/// a keyboard must be able to reach them to scroll them.
@Suite struct ScrollableBlockTests {
    @Test func tableIsWrappedInALabelledFocusableRegion() {
        let html = MarkdownRenderer.render("| Role | Who |\n| --- | :-: |\n| Chair | Ruth |\n").html
        #expect(html == """
            <div class="content-table" tabindex="0" role="region" aria-label="Table 1: Role, Who">
            <table>
            <thead>
            <tr>
            <th>Role</th>
            <th style="text-align: center">Who</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>Chair</td>
            <td style="text-align: center">Ruth</td>
            </tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test func labelNamesTheFirstThreeHeaderCellsAsPlainEscapedText() {
        let html = MarkdownRenderer.render("| | *Q&A* | `<b>` | \"Say\" | Last |\n|-|-|-|-|-|\n| 1 | 2 | 3 | 4 | 5 |\n").html
        #expect(html.hasPrefix("<div class=\"content-table\" tabindex=\"0\" role=\"region\" aria-label=\"Table 1: Q&amp;A, &lt;b&gt;, &quot;Say&quot;, …\">\n<table>\n"))
    }

    @Test func tablesAreNumberedInOrderAndATableWithoutHeaderTextIsJustNumbered() {
        let source = "| a |\n|---|\n| 1 |\n\n- item\n\n  | |\n  |-|\n  | 2 |\n"
        let html = MarkdownRenderer.render(source).html
        #expect(html.contains("<div class=\"content-table\" tabindex=\"0\" role=\"region\" aria-label=\"Table 1: a\">\n<table>"))
        #expect(html.contains("<li>\n<p>item</p>\n<div class=\"content-table\" tabindex=\"0\" role=\"region\" aria-label=\"Table 2\">\n<table>"))
        #expect(html.hasSuffix("</table>\n</div>\n</li>\n</ul>\n"))
    }

    @Test func codeBlocksAreFocusableAndCodeSpansAreNot() {
        let source = "```python\nprint(\"<pre>\")\n```\n\n    indented\n\nText `<pre>` and <pre>.\n"
        let html = MarkdownRenderer.render(source).html
        #expect(html == """
            <pre tabindex="0"><code class="language-python">print(&quot;&lt;pre&gt;&quot;)
            </code></pre>
            <pre tabindex="0"><code>indented
            </code></pre>
            <p>Text <code>&lt;pre&gt;</code> and <!-- raw HTML omitted -->.</p>

            """)
    }

    @Test func rawPreIsFocusableWhenRawHTMLIsAllowed() {
        let html = MarkdownRenderer.render("<pre>\nraw\n</pre>\n", options: MarkdownOptions(unsafeHTML: true)).html
        #expect(html == "<pre tabindex=\"0\">\nraw\n</pre>\n")
    }

    @Test func textWithoutCodeBlocksIsUnchanged() {
        #expect(FocusableCode.apply("<p>a <pr</p>\n<pre") == "<p>a <pr</p>\n<pre")
        #expect(FocusableCode.apply("<pre>") == "<pre tabindex=\"0\">")
        #expect(FocusableCode.apply("") == "")
    }
}
