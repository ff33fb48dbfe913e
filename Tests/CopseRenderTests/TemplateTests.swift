import Mustache
import Testing
@testable import CopseRender

/// copse's template renderer must write exactly what swift-mustache writes for the same
/// template and context, blank lines included.
@Suite struct TemplateTests {
    nonisolated(unsafe) static let context: [String: Any] = [
        "title": "A & B", "yes": true, "no": false, "empty": [[String: Any]](), "none": Optional<String>.none as Any,
        "items": [["name": "one", "url": "u1"], ["name": "two"]] as [[String: Any]],
        "page": ["title": "Page", "tags": ["x", "y"], "count": 3] as [String: Any],
        "text": "words", "number": 7,
    ]

    static let partials = [
        "tags": "{{#page.tags}}\n<li>{{.}}</li>\n{{/page.tags}}\n",
        "line": "<p>{{title}}</p>\n",
        "layout": "<html>\n{{$main}}default{{/main}}\n{{$foot}}\nfoot\n{{/foot}}\n</html>\n",
    ]

    static let sources = [
        "{{title}} {{{title}}} {{&title}} {{page.title}} {{missing}} {{number}}",
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
        let expected = library.render(Self.context, withTemplate: "main")
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
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
    }
}
