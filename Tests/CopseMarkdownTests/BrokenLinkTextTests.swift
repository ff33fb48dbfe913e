import Testing
@testable import CopseMarkdown

@Suite struct BrokenLinkTextTests {
    @Test func aBrokenLinkBecomesItsTextAndTheOthersStay() {
        let html = #"<p><a href="copse-link:0;" title="T">one <em>x</em></a> <a href="copse-link:1;">two</a> <img src="copse-link:2;" alt="a &quot;logo&quot;" title="L" /></p>"#
        #expect(LinkPlaceholder.unlink(html, broken: [0, 2], title: "gone <soon>") ==
            #"<p><span class="broken-link" title="gone &lt;soon&gt;">one <em>x</em></span> <a href="copse-link:1;">two</a> <span class="broken-link" title="gone &lt;soon&gt;">a &quot;logo&quot;</span></p>"#)
    }

    @Test func nothingBrokenChangesNothing() {
        let html = #"<a href="copse-link:0;">x</a>"#
        #expect(LinkPlaceholder.unlink(html, broken: [], title: "t") == html)
        #expect(LinkPlaceholder.unlink(html, broken: [3], title: "t") == html)
    }

    @Test func aWikiLinkKeepsItsTextPlaceholderForTheTitle() {
        let html = #"<a href="copse-link:0;">copse-text:0;</a>"#
        let unlinked = LinkPlaceholder.unlink(html, broken: [0], title: "t")
        #expect(LinkPlaceholder.substitute(in: unlinked, urls: [""], texts: ["minutes"]) == #"<span class="broken-link" title="t">minutes</span>"#)
    }
}
