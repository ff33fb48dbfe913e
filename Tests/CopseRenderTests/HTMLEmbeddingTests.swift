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
