import Testing
import CopseTemplate

/// The static check of a template set: includes that loop or name nothing are found when the
/// theme loads, each at its tag, instead of recursing without end (or rendering nothing) later.
@Suite struct TemplateIncludeTests {
    static func set(_ sources: [String: String]) throws -> TemplateSet {
        var set = TemplateSet()
        for (name, source) in sources { set.add(try TemplateParser.parse(source).get(), named: name, source: name + ".mustache") }
        return set
    }

    @Test func aLoopThroughAnotherPartialIsReportedOnceAtTheTagThatClosesIt() throws {
        let problems = try Self.set(["main": "{{>a}}", "a": "x\n  {{>b}}", "b": "{{#list}}{{>a}}{{/list}}"]).problems()
        #expect(problems.map(\.template) == ["b"])
        #expect(problems.first?.position == TemplatePosition(line: 1, column: 10))
        #expect(problems.first?.message == "{{>a}} makes templates include each other in a loop: a → b → a")
    }

    @Test func selfInclusionAndInheritanceLoopsAreFound() throws {
        let problems = try Self.set(["self": "{{>self}}", "child": "{{<base}}{{$x}}{{/x}}{{/base}}",
                                     "base": "{{<child}}{{/child}}"]).problems()
        #expect(problems.map(\.message).sorted() == [
            "{{<base}} makes templates include each other in a loop: base → child → base",
            "{{>self}} makes templates include each other in a loop: self → self",
        ])
    }

    @Test func anIncludeInsideABlockOverrideCountsToo() throws {
        let problems = try Self.set(["layout": "{{$main}}{{/main}}", "page": "{{<layout}}{{$main}}{{>page}}{{/main}}{{/layout}}"]).problems()
        #expect(problems.map(\.message) == ["{{>page}} makes templates include each other in a loop: page → page"])
    }

    @Test func aMissingPartialOrParentIsAnErrorAtItsTag() throws {
        // The module leaves the wording of a suggestion to its caller: it hands over the names that exist.
        let problems = try Self.set(["main": "a\n{{>partials/tag}} {{<layot}}{{/layot}}", "partials/tags": "", "layout": ""])
            .problems { name, known in "[\(name) among \(known.sorted().joined(separator: ","))] " }
        #expect(problems.map(\.position) == [TemplatePosition(line: 2, column: 1), TemplatePosition(line: 2, column: 19)])
        #expect(problems.map(\.message) == ["{{>partials/tag}} names a template that does not exist",
                                            "{{<layot}} names a template that does not exist"])
        #expect(problems.first?.hint.hasPrefix("[partials/tag among layout,main,partials/tags] ") == true)
    }

    @Test func aSetWithoutLoopsOrGapsHasNoProblems() throws {
        // Two templates may include the same partial; that is not a loop.
        let set = try Self.set(["a": "{{>shared}}{{>shared}}", "b": "{{>shared}}{{<a}}{{/a}}", "shared": "x"])
        #expect(set.problems() == [])
    }

    /// Deep nesting is refused by the compiler before it can exhaust the stack (here or when rendering).
    @Test func sectionsNestedTooDeepAreAnError() {
        let deep = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000)
        guard case .failure(let error) = TemplateParser.parse(deep) else { Issue.record("accepted"); return }
        #expect(error.message == "sections are nested more than 100 deep here")
        #expect(error.column == 1 + 100 * 6)
        let fine = String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)
        #expect((try? TemplateParser.parse(fine).get()) != nil)
    }
}
