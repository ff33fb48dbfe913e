import CopseTemplate
import CopseTestSupport
import Mustache
import Testing

/// copse's template renderer must write exactly what swift-mustache writes for the same
/// template and context, blank lines included.
@Suite struct TemplateTests {
    static let context = TemplateValue.map(TemplateMap([
        ("title", .text("A & B")), ("yes", .bool(true)), ("no", .bool(false)), ("empty", .list([])),
        ("items", .list([.map(TemplateMap([("name", .text("one")), ("url", .text("u1"))])), .map(TemplateMap([("name", .text("two"))]))])),
        ("page", .map(TemplateMap([("title", .text("Page")), ("tags", .list([.text("x"), .text("y")])), ("count", .number(3))]))),
        ("text", .text("words")), ("number", .number(7)), ("html", .html("<b>bold</b>")),
    ]))

    static let partials = [
        "tags": "{{#page.tags}}\n<li>{{.}}</li>\n{{/page.tags}}\n",
        "line": "<p>{{title}}</p>\n",
        "layout": "<html>\n{{$main}}default{{/main}}\n{{$foot}}\nfoot\n{{/foot}}\n</html>\n",
    ]

    static let sources = [
        "{{title}} {{{title}}} {{&title}} {{page.title}} {{missing}} {{number}} {{html}} {{{html}}}",
        "{{#yes}}\nyes\n{{/yes}}\n{{^no}}\nno\n{{/no}}\n{{#no}}never{{/no}}\n",
        "<ul>\n{{#items}}\n  <li>{{name}} {{url}} {{title}}</li>\n{{/items}}\n</ul>\n",
        "{{#page}}{{title}} {{count}}{{/page}} {{#text}}[{{.}}]{{/text}} {{^empty}}none{{/empty}} {{#none}}x{{/none}}{{^none}}n{{/none}}",
        "a\n{{>tags}}\nb\n{{>line}}\n  {{>line}}\nc {{>line}} d\n",
        "{{! comment }}\n{{#yes}}\n  {{! inner }}\n{{/yes}}\nend\n",
        "{{<layout}}\n{{$main}}\n<main>{{title}}</main>\n{{/main}}\n{{/layout}}\n",
        "{{#yes}}{{#items}}{{name}},{{/items}}{{/yes}}\r\n{{#yes}}\r\ncrlf\r\n{{/yes}}\r\n",
        "{{#page}}{{#items}}[{{name}}/{{count}}]{{/items}}{{/page}} {{page.missing.title}}|{{items.name}}|{{#missing}}x{{/missing}}{{>nowhere}}",
        "  {{#yes}}  \n  in  \n  {{/yes}}  \n{{^items}}\nnever\n{{/items}}\n  {{title}}  \n   ",
    ]

    @Test(arguments: Array(sources.indices))
    func rendersLikeSwiftMustache(_ index: Int) throws {
        var library = MustacheLibrary()
        var set = TemplateSet()
        for (name, source) in Self.partials.merging(["main": Self.sources[index]]) { $1 } {
            library.register(try ReferenceMustache.template(source), named: name)
            set.add(try TemplateParser.parse(HTMLEscaping.pragma + source).get(), named: name)
        }
        let expected = library.render(Self.context.mustacheInput, withTemplate: "main")
        #expect(set.render("main", context: Self.context) == expected)
    }

    @Test func errorsNameTheLineAndColumn() {
        #expect(TemplateParser.parse("a\n  {{#open}}\nb\n") == .failure(TemplateError(
            message: "{{open}} is never closed; add {{/open}}", line: 2, column: 3)))
        #expect(TemplateParser.parse("{{#a}}{{/b}}") == .failure(TemplateError(
            message: "{{/b}} does not close {{a}} (opened at line 1)", line: 1, column: 7)))
        #expect(TemplateParser.parse("x {{name") == .failure(TemplateError(message: "this tag is never closed with '}}'", line: 1, column: 3)))
    }
}

extension Result: @retroactive Equatable where Success == [TemplateNode], Failure == TemplateError {
    package static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
    }
}
