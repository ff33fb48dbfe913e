import CopseCore
import CopseTemplate

extension Theme {
    /// Compiles `sources` (template name to Mustache text) as one theme's template set and
    /// checks it as ``load(name:searchPath:root:)`` does: compile errors, partials and parents
    /// that do not exist or loop. When there is no problem, renders each template against a
    /// small page context. For the fuzz target and tests; diagnostics name `<name>.mustache`.
    public static func checkAndRender(_ sources: [String: String]) -> (diagnostics: [Diagnostic], rendered: [String: String]) {
        var templates = TemplateSet()
        var diagnostics: [Diagnostic] = []
        for name in sources.keys.sorted() {
            switch TemplateParser.parse(HTMLEscaping.pragma + (sources[name] ?? "")) {
            case .success(let nodes): templates.add(nodes, named: name, source: name + ".mustache")
            case .failure(let error):
                let column = error.column - (error.line == 1 ? HTMLEscaping.pragma.count : 0)
                diagnostics.append(.error(SourceLocation(path: name + ".mustache", line: error.line, column: max(column, 1)), error.message))
            }
        }
        diagnostics += includeProblems(templates)
        guard diagnostics.isEmpty else { return (diagnostics, [:]) }
        // Lists of one item: a section nested in itself climbs back to the same list, and with
        // two items a hundred nested sections would take 2^100 steps.
        let context = TemplateValue.map(TemplateMap([
            ("site", .map(TemplateMap([("title", .text("Hub")), ("pages", .list([.map(TemplateMap([("title", .text("One"))]))]))]))),
            ("page", .map(TemplateMap([("title", .text("A & B")), ("tags", .list([.text("x")])), ("draft", .bool(false)),
                                       ("content", .html("<p>Text</p>"))]))),
            ("items", .list([.map(TemplateMap([("name", .text("one"))]))])),
        ]))
        var rendered: [String: String] = [:]
        for name in sources.keys.sorted() { rendered[name] = templates.render(name, context: context) }
        return (diagnostics, rendered)
    }

    /// Partials and parents that do not exist or that loop, each at its tag.
    static func includeProblems(_ templates: TemplateSet) -> [Diagnostic] {
        templates.problems(suggestion: { Suggestion.didYouMean($0, in: $1) }).map { problem in
            let position = problem.position
            let column = position.column - (position.line == 1 ? HTMLEscaping.pragma.count : 0)
            let path = templates.sources[problem.template] ?? problem.template
            return .error(SourceLocation(path: path, line: position.line, column: max(column, 1)), problem.message, hint: problem.hint)
        }
    }
}
