import CopseTemplate
import Testing

/// The check of the names templates use, against small schemas: it follows sections, partials,
/// parents and blocks as the renderer would, and reports each unknown name once, at its tag.
@Suite struct TemplateNameTests {
    struct Item: TemplateContext {
        static let fields: [TemplateField<Self>] = [.text("title", "") { _ in "" }, .text("url", "") { _ in "" }]
    }

    struct Page: TemplateContext {
        static let fields: [TemplateField<Self>] = [
            .text("title", "") { _ in "" },
            .list("items", "", has: "hasItems") { _ in [Item]() },
            .map("next", "", ifNone: .absent) { _ in Item?.none },
        ]
    }

    struct Root: TemplateContext {
        static let fields: [TemplateField<Self>] = [.map("page", "") { _ in Page() }, .text("root", "") { _ in "" }]
    }

    static func problems(_ sources: [String: String], roots: [String] = ["main"]) throws -> [TemplateSet.NameProblem] {
        var set = TemplateSet()
        for (name, source) in sources { set.add(try TemplateParser.parse(source).get(), named: name) }
        return set.nameProblems(roots: roots.map { ($0, Root.schema) })
    }

    @Test func namesResolveThroughEnclosingSectionsAndDottedPaths() throws {
        let source = "{{page.title}}{{#page}}{{title}}{{#items}}{{url}}{{title}}{{root}}{{/items}}{{hasItems}}{{/page}}"
            + "{{#page.next}}{{url}}{{/page.next}}{{^page.items}}{{root}}{{/page.items}}{{.}}"
        #expect(try Self.problems(["main": source]) == [])
    }

    @Test func anUnknownNameIsReportedAtItsTagWithTheNamesOfItsScopesInnermostFirst() throws {
        let problems = try Self.problems(["main": "x\n{{#page}}{{#items}}{{titel}}{{/items}}{{/page}}"])
        #expect(problems.map(\.position) == [TemplatePosition(line: 2, column: 20)])
        #expect(problems.first?.name == "titel")
        #expect(problems.first?.candidates == [["title", "url"], ["title", "items", "hasItems", "next"], ["page", "root"]])
    }

    @Test func theRestOfADottedNameIsReadWhereItsFirstPartIsFound() throws {
        // `url` is an item's, not the page's; a list has no names of its own.
        let problems = try Self.problems(["main": "{{page.url}} {{page.items.title}} {{#page.titel}}{{anything}}{{/page.titel}}"])
        #expect(problems.map(\.name) == ["page.url", "page.items.title", "page.titel"])
        #expect(problems.first?.candidates == [["page.title", "page.items", "page.hasItems", "page.next"]])
    }

    @Test func aPartialIsCheckedWhereItIsIncludedAndPassesWhenOneIncluderHasTheName() throws {
        let sources = ["main": "{{#page}}{{>item}}{{/page}}", "other": "{{>item}}", "item": "{{title}} {{wrong}}"]
        // From `main`, `title` is the page's; from `other` it is nothing: fine, as the renderer writes nothing there.
        #expect(try Self.problems(sources, roots: ["main", "other"]).map { "\($0.template) \($0.name)" } == ["item wrong"])
    }

    @Test func aBlockOverrideIsCheckedWhereTheParentPutsTheBlock() throws {
        let sources = ["layout": "{{#page}}{{$main}}{{/main}}{{/page}}",
                       "main": "{{<layout}}{{$main}}{{title}} {{nope}}{{/main}}{{/layout}}"]
        let problems = try Self.problems(sources)
        #expect(problems.map { "\($0.template) \($0.name) \($0.position.column)" } == ["main nope 31"])
    }

    @Test func aTemplateNoRootReachesIsCheckedAsIfIncludedFromEach() throws {
        let problems = try Self.problems(["main": "", "unused": "{{page.title}} {{page.nope}}"])
        #expect(problems.map(\.name) == ["page.nope"])
    }
}
