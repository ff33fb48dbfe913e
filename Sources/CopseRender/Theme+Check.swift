import CopseCore
import CopseTemplate

extension Theme {
    /// Compiles `sources` (template name to Mustache text) as one theme's template set and
    /// checks it as ``load(name:searchPath:root:)`` does: compile errors, partials and parents
    /// that do not exist or loop. When there is no problem, renders each template against a
    /// small page context. For the fuzz target and tests; diagnostics name `<name>.mustache`.
    package static func checkAndRender(_ sources: [String: String]) -> (diagnostics: [Diagnostic], rendered: [String: String]) {
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
        // Names are checked as a theme's are (against the page contexts), but these small
        // templates are rendered whatever they name, so that the renderer is exercised too.
        diagnostics += nameProblems(templates)
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

    /// Names no page a template renders has (see ``TemplateSet/nameProblems(roots:)``), each at its tag.
    static func nameProblems(_ templates: TemplateSet) -> [Diagnostic] {
        let roots = TemplateKind.allCases.map { ($0.template, $0.schema) }
        return templates.nameProblems(roots: roots).map { problem in
            let position = problem.position
            let column = position.column - (position.line == 1 ? HTMLEscaping.pragma.count : 0)
            let path = templates.sources[problem.template] ?? problem.template
            let name = TemplateName(problem.name)
            let kinds = TemplateKind.allCases.filter { $0.schema.has(name) }.map { "'\($0.template)'" }
            let elsewhere = kinds.isEmpty ? ""
                : "'\(problem.name)' is only in the context of the template\(kinds.count > 1 ? "s" : "") \(kinds.joined(separator: ", ")); "
            return .error(SourceLocation(path: path, line: position.line, column: max(column, 1)),
                          "'\(problem.name)' is not a name on the pages this template renders",
                          hint: didYouMean(problem.name, in: problem.candidates) + elsewhere
                            + "docs/theme-context.md lists the names each template can use")
        }
    }

    /// The nearest name in the innermost scope that has one close enough.
    static func didYouMean(_ name: String, in scopes: [[String]]) -> String {
        for names in scopes where Suggestion.nearest(to: name, in: names) != nil { return Suggestion.didYouMean(name, in: names) }
        return ""
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
