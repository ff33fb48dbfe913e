import Testing
@testable import CopseMarkdown

@Suite struct WikiLinkTests {
    /// Wiki links of `source` as `destination@line:column` (with `|` when labelled).
    func wiki(_ source: String) -> [String] {
        MarkdownRenderer.render(source).links.filter(\.isWiki).map {
            "\($0.destination)\($0.hasLabel ? "|" : "")@\($0.line):\($0.column)"
        }
    }

    /// HTML with wiki links filled in as `<a href="URL">TEXT</a>`, URLs `U0`, `U1`… and titles `T0`…
    func html(_ source: String) -> String {
        let doc = MarkdownRenderer.render(source)
        return LinkPlaceholder.substitute(in: doc.html, tag: doc.placeholderTag,
                                          urls: doc.links.indices.map { "U\($0)" }, texts: doc.links.indices.map { "T\($0)" })
    }

    @Test func everyFormIsFoundWithItsPosition() {
        #expect(wiki("See [[charter]], [[leeds/norms]],\n[[pair-guide|the guide]] and [[norms#voting]].\n")
            == ["charter@1:5", "leeds/norms@1:18", "pair-guide|@2:1", "norms#voting@2:30"])
        #expect(html("See [[charter]] or [[pair-guide|the guide]].\n")
            == "<p>See <a href=\"U0\">T0</a> or <a href=\"U1\">the guide</a>.</p>\n")
    }

    @Test func codeSpansAndCodeBlocksAreLeftAlone() {
        let source = "Type `[[charter]]` to link.\n\n```\n[[norms]]\n```\n\n    [[indented]]\n"
        #expect(wiki(source) == [])
        #expect(html(source).contains("<code>[[charter]]</code>"))
        #expect(html(source).contains("<pre tabindex=\"0\"><code>[[norms]]\n</code></pre>"))
    }

    @Test func anOrdinaryLinkWithBracketsInItsTextStaysOrdinary() {
        let source = "[[text]](https://example.org) and [see [[charter]]](norms.md) ![[[x]]](p.png)\n"
        #expect(wiki(source) == [])
        #expect(html(source).hasPrefix("<p><a href=\"https://example.org\">[text]</a>"))
    }

    @Test func escapedBracketsAreText() {
        #expect(wiki("\\[\\[charter]] and \\[[norms]] and [\\[plan]]\n") == [])
        #expect(html("\\[\\[charter]]\n") == "<p>[[charter]]</p>\n")
        // An escaped pipe (needed inside a table) still separates the label.
        #expect(wiki("[[a\\|b]]\n") == ["a|@1:1"])
    }

    @Test func nestedBracketsPickTheInnermostPair() {
        #expect(wiki("x [[[charter]]] y\n") == ["charter@1:4"])
        #expect(html("x [[[charter]]] y\n") == "<p>x [<a href=\"U0\">T0</a>] y</p>\n")
        #expect(wiki("[[a [b] c]] and [[a]b]]\n") == [])
        #expect(wiki("[[ ]] [[|label]] [[#]]\n") == [])
    }

    @Test func unicodeNamesAndColumnsCountBytes() {
        #expect(wiki("Voilà [[café-notes]] · [[Ysgol Gymraeg|ysgol]]\n") == ["café-notes@1:8", "Ysgol Gymraeg|@1:27"])
    }

    @Test func columnsSurviveEntitiesIndentationAndContainers() {
        #expect(wiki("Caf&eacute; [[a]]\n") == ["a@1:13"])
        #expect(wiki("- item\n    lazy [[b]]\n") == ["b@2:10"])
        #expect(wiki("> quote\n> more [[c]]\n") == ["c@2:8"])
        #expect(wiki("| x | y |\n|---|---|\n| [[d\\|D]] | *[[e]]* |\n") == ["d|@3:3", "e@3:15"])
    }

    @Test func headingsKeepTheirIdsAndGainTheLink() {
        let doc = MarkdownRenderer.render("## About [[charter]]\n")
        #expect(doc.headings.map(\.id) == ["about-charter"])
        #expect(html("## About [[charter]]\n") == "<h2 id=\"about-charter\">About <a href=\"U0\">T0</a></h2>\n")
    }

    @Test func wikiLinksFollowOrdinaryLinksInPlaceholderOrder() {
        let doc = MarkdownRenderer.render("[[b]] then [a](a.md)\n")
        #expect(doc.links.map(\.destination) == ["a.md", "b"])
        #expect(doc.links.map(\.isWiki) == [false, true])
    }

    @Test func sameHeadingAnchorsAndFootnotesAreKnown() {
        let doc = MarkdownRenderer.render("Text[^1] and [[#agenda]]\n\n## Agenda\n\n[^1]: A note.\n")
        #expect(doc.otherAnchors == ["fn-1", "fnref-1"])
        #expect(wiki("Text and [[#agenda]]\n") == ["#agenda@1:10"])
        let raw = MarkdownRenderer.render("<a id=\"top\"></a>\n\nx <span id='here'>y</span>\n", options: MarkdownOptions(unsafeHTML: true))
        #expect(raw.otherAnchors == ["top", "here"])
    }
}

@Suite struct SourceAlignmentTests {
    @Test func escapesAndEntitiesAreNotRaw() {
        let line = Array("a\\[&amp;b".utf8)[...]
        let alignment = SourceAlignment(literal: Array("a[&b".utf8), line: line, startColumn: 1)
        #expect(alignment.isRaw == [true, false, false, true])
        #expect(alignment.columns == [1, 2, 4, 9])
    }

    @Test func anUnexplainedByteCountsOnAsPlainText() {
        let alignment = SourceAlignment(literal: Array("xyz".utf8), line: Array("q".utf8)[...], startColumn: 3)
        #expect(alignment.columns == [3, 4, 5])
        #expect(alignment.isRaw == [true, true, true])
    }
}
