import Dispatch
import Foundation
import Testing
@testable import CopseMarkdown

@Suite struct MarkdownRendererTests {
    @Test func headingsGetStableUniqueIDs() {
        let doc = MarkdownRenderer.render("## When we meet\n\ntext\n\n## When we meet\n\n### Café *notes*\n")
        #expect(doc.headings.map(\.id) == ["when-we-meet", "when-we-meet-1", "café-notes"])
        #expect(doc.html.contains("<h2 id=\"when-we-meet\">When we meet</h2>"))
        #expect(doc.html.contains("<h3 id=\"café-notes\">Café <em>notes</em></h3>"))
    }

    @Test func leadingTitleIsTakenOutOfTheBody() {
        let doc = MarkdownRenderer.render("# Our charter\n\nWe meet.\n")
        #expect(doc.title == "Our charter")
        #expect(doc.html == "<p>We meet.</p>\n")
    }

    @Test func titleNotFirstStaysInBody() {
        let doc = MarkdownRenderer.render("Intro.\n\n# Later\n")
        #expect(doc.title == nil)
        #expect(doc.html.contains("<h1 id=\"later\">Later</h1>"))
    }

    @Test func internalLinksBecomePlaceholdersWithPositions() {
        let source = "See [norms](norms.md) and\nthe [site](https://example.org), ![map](img/map.png \"Map\").\n"
        let doc = MarkdownRenderer.render(source)
        #expect(doc.links == [
            MarkdownLink(destination: "norms.md", line: 1, column: 5, isImage: false),
            MarkdownLink(destination: "img/map.png", line: 2, column: 34, isImage: true),
        ])
        let html = LinkPlaceholder.substitute(in: doc.html, urls: ["../norms/index.html", "a&b.png"])
        #expect(html == "<p>See <a href=\"../norms/index.html\">norms</a> and\nthe <a href=\"https://example.org\">site</a>, <img src=\"a&amp;b.png\" alt=\"map\" title=\"Map\" />.</p>\n")
    }

    @Test func linkPositionsInsideListsAndTables() {
        let source = "- item [a](a.md)\n\n| x | y |\n|---|---|\n| 1 | [b](b.md) |\n"
        let doc = MarkdownRenderer.render(source)
        #expect(doc.links.map { "\($0.line):\($0.column)" } == ["1:8", "5:7"])
    }

    @Test func taskListBoxesHaveAccessibleNames() {
        let html = MarkdownRenderer.render("- [x] booked\n- [ ] invite\n\n`<input type=\"checkbox\" disabled=\"\" />`\n").html
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> booked</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" aria-label=\"Not done yet\" /> invite</li>"))
        #expect(html.contains("<code>&lt;input type=&quot;checkbox&quot; disabled=&quot;&quot; /&gt;</code>"))
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let source = "<div class=\"x\">hi</div>\n\n<script>alert(1)</script>\n"
        #expect(!MarkdownRenderer.render(source).html.contains("<div"))
        let unsafe = MarkdownRenderer.render(source, options: MarkdownOptions(unsafeHTML: true)).html
        #expect(unsafe.contains("<div class=\"x\">hi</div>"))
        #expect(unsafe.contains("&lt;script>"))  // GFM tag filter
    }

    @Test func gfmExtensionsAreOn() {
        let source = "| a |\n|---|\n| b |\n\n~~old~~ www.example.org\n\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.\n"
        let html = MarkdownRenderer.render(source).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> done</li>"))
        #expect(html.contains("class=\"footnotes\""))
    }
}

@Suite struct LinkTests {
    @Test(arguments: [
        ("charter.md", true), ("../norms.md#voice", true), ("/resources/x.md", true), ("photo.png", true),
        ("https://example.org", false), ("mailto:a@example.org", false), ("//cdn.example.org/x", false),
        ("#top", true), ("#", false), ("", false), ("c++:x", false), ("a:b", false),
    ])
    func classifiesDestinations(destination: String, expected: Bool) {
        #expect(LinkClassifier.isInternal(destination) == expected)
    }

    @Test func placeholdersOutOfRangeAreLeftAlone() {
        #expect(LinkPlaceholder.substitute(in: "copse-link:7; copse-link:0; copse-text:0; copse-link:;", urls: ["x"], texts: ["a<b"])
            == "copse-link:7; x a&lt;b copse-link:;")
    }

    @Test func textThatLooksLikeAPlaceholderIsNeverReplaced() {
        let doc = MarkdownRenderer.render("Write copse-link:0; and copse-text:0; here: [[charter]] [n](norms.md)\n")
        #expect(doc.placeholderTag == "copse1")
        let html = LinkPlaceholder.substitute(in: doc.html, tag: doc.placeholderTag, urls: ["N", "C"], texts: ["", "Charter"])
        #expect(html == "<p>Write copse-link:0; and copse-text:0; here: <a href=\"C\">Charter</a> <a href=\"N\">n</a></p>\n")
    }

    @Test func slugsHandleUnicodeAndPunctuation() {
        #expect(HeadingSlugger.slug("What's next? (2027)") == "whats-next-2027")
        #expect(HeadingSlugger.slug("Ysgol Gymraeg — cyfrifiadura") == "ysgol-gymraeg--cyfrifiadura")
        #expect(HeadingSlugger.slug("!!!") == "section")
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm keeps the extensions' special characters in a process-wide table; parsing on
    /// several threads must still render every extension every time.
    @Test func parallelRendersAreAllTheSame() {
        let source = "Old ~~plan~~ new, see www.example.org.\n\n| a | b |\n|---|---|\n| 1 | x |b| |\n"
        let expected = MarkdownRenderer.render(source).html
        #expect(expected.contains("<del>plan</del>"))
        let results = ResultsBox()
        DispatchQueue.concurrentPerform(iterations: 1500) { _ in
            results.add(MarkdownRenderer.render(source).html)
        }
        #expect(results.distinct == [expected])
        // The table stayed switched on, so these finished in parallel, not one at a time.
        #expect(SpecialCharacters.ownTableInUse)
    }
}

private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<String>()
    func add(_ html: String) { lock.withLock { _ = seen.insert(html) } }
    var distinct: Set<String> { lock.withLock { seen } }
}
