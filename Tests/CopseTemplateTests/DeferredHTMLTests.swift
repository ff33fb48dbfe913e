import CopseTemplate
import Synchronization
import Testing

/// HTML made only when a template reads it (the evidence pack's pages): it renders exactly as
/// the same HTML in hand, and is made once for each place that shows it, never before.
@Suite struct DeferredHTMLTests {
    final class Counter: Sendable {
        let made = Atomic<Int>(0)
    }

    static func render(_ source: String, _ context: TemplateValue) throws -> String? {
        var set = TemplateSet()
        set.add(try TemplateParser.parse(HTMLEscaping.pragma + source).get(), named: "main")
        return set.render("main", context: context)
    }

    @Test func rendersAsTheSameHTMLInHandAndIsMadeOnlyWhenRead() throws {
        let html = "<h3 id=\"a\">Notes &amp; more</h3>\n<p>Text.</p>\n"
        let counter = Counter()
        let deferred = DeferredHTML {
            counter.made.add(1, ordering: .relaxed)
            return html
        }
        let items = (0..<3).map { number in
            TemplateValue.map(TemplateMap([("n", .number(number)), ("content", .deferredHTML(deferred))]))
        }
        let inHand = (0..<3).map { number in TemplateValue.map(TemplateMap([("n", .number(number)), ("content", .html(html))])) }
        #expect(counter.made.load(ordering: .relaxed) == 0, "making the context makes no HTML")
        let source = "{{#items}}[{{n}}]{{{content}}}{{content}}{{#content}}({{.}}){{/content}}{{/items}}"
        let rendered = try Self.render(source, .map(TemplateMap([("items", .list(items))])))
        #expect(rendered == (try Self.render(source, .map(TemplateMap([("items", .list(inHand))])))))
        #expect(rendered?.contains("<h3 id=\"a\">Notes &amp; more</h3>") == true)
        // Three items, each showing it three times.
        #expect(counter.made.load(ordering: .relaxed) == 9)
        #expect(TemplateValue.deferredHTML(deferred).isTruthy)
        #expect(TemplateValue.deferredHTML(deferred).text == html)
    }
}
