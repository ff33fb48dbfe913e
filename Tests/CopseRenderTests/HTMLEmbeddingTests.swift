import Testing
@testable import CopseRender

@Suite struct HTMLEmbeddingTests {
    @Test func headingsMoveDownAndIdsAndSamePageLinksArePrefixed() {
        let html = """
        <h2 id="agenda">Agenda</h2>
        <h5 id="deep">Deep</h5>
        <p>See <a href="#agenda">the agenda</a>, <a href="../x/index.html#agenda">another page</a> and id=&quot;x&quot; &lt;h2&gt;.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
        <h1>One</h1><h6>Six</h6>
        """
        #expect(HTMLEmbedding.embed(html, idPrefix: "item-1-2-", headingShift: 2) == """
        <h4 id="item-1-2-agenda">Agenda</h4>
        <h6 id="item-1-2-deep">Deep</h6>
        <p>See <a href="#item-1-2-agenda">the agenda</a>, <a href="../x/index.html#agenda">another page</a> and id=&quot;x&quot; &lt;h2&gt;.<sup class="footnote-ref"><a href="#item-1-2-fn-1" id="item-1-2-fnref-1" data-footnote-ref>1</a></sup></p>
        <h3>One</h3><h6>Six</h6>
        """)
    }
}

/// The embedding visits only `<` and `=`: the same changes must come out wherever the patterns
/// sit, next to each other, at either end, or broken off.
@Suite struct HTMLEmbeddingEdgeTests {
    @Test func patternsAtTheEdgesAndSideBySide() {
        #expect(HTMLEmbedding.embed("", idPrefix: "p-", headingShift: 1) == "")
        #expect(HTMLEmbedding.embed("<h1 id=\"a\">A</h1>", idPrefix: "p-", headingShift: 1) == "<h2 id=\"p-a\">A</h2>")
        #expect(HTMLEmbedding.embed("<a href=\"#x\" id=\"y\"></a><h6>", idPrefix: "p-", headingShift: 3)
            == "<a href=\"#p-x\" id=\"p-y\"></a><h6>")
        // Broken off at the end, or one byte short: left as they are.
        #expect(HTMLEmbedding.embed("x id=", idPrefix: "p-", headingShift: 1) == "x id=")
        #expect(HTMLEmbedding.embed("<a href=\"#", idPrefix: "p-", headingShift: 1) == "<a href=\"#p-")
        #expect(HTMLEmbedding.embed("ref=\"#x <h", idPrefix: "p-", headingShift: 1) == "ref=\"#x <h")
        #expect(HTMLEmbedding.embed("<h7>x</h7><h2", idPrefix: "p-", headingShift: 1) == "<h7>x</h7><h2")
        // `=` signs and `<` signs that change nothing, between ones that do.
        #expect(HTMLEmbedding.embed("<p a=\"1\" id=\"b\">=<</p><h3 class=\"c\" id=\"d\">", idPrefix: "p-", headingShift: 2)
            == "<p a=\"1\" id=\"p-b\">=<</p><h5 class=\"c\" id=\"p-d\">")
    }
}
