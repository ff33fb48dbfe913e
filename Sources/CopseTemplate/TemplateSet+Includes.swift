/// The static check of a theme's whole template set, run when the theme loads: every
/// `{{>partial}}` and `{{<parent}}` names a template that exists, and no chain of them loops
/// (which would recurse without end when a page renders). Each problem is reported at the tag.
package extension TemplateSet {
    struct Problem: Equatable, Hashable, Sendable {
        /// The template holding the tag (its key in the set).
        package var template: String
        package var position: TemplatePosition
        package var message: String
        package var hint: String
    }

    /// `suggestion` gives the start of a hint for a misspelt template name ("did you mean 'x'? ",
    /// or nothing) among the names that exist.
    func problems(suggestion: @escaping (String, [String]) -> String = { _, _ in "" }) -> [Problem] {
        var walk = Walk(set: self, suggestion: suggestion)
        for name in templates.keys.sorted() { walk.visit(name) }
        return Array(Set(walk.problems)).sorted { ($0.template, $0.position.line, $0.position.column) < ($1.template, $1.position.line, $1.position.column) }
    }

    /// Every partial and parent tag in `nodes`, in source order: (kind sigil, name, position).
    static func references(in nodes: [TemplateNode]) -> [(sigil: String, name: String, position: TemplatePosition)] {
        var found: [(String, String, TemplatePosition)] = []
        for node in nodes {
            switch node {
            case .text, .variable: break
            case .section(_, let body, _, _), .block(_, let body): found += references(in: body)
            case .partial(let name, _, let position): found.append((">", name, position))
            case .parent(let name, let blocks, _, let position):
                found.append(("<", name, position))
                for key in blocks.keys.sorted() { found += references(in: blocks[key] ?? []) }
            }
        }
        return found.sorted { ($0.2.line, $0.2.column) < ($1.2.line, $1.2.column) }
    }
}

private extension TemplateSet {
    /// A depth-first walk of the include graph: a tag that reaches a template still being
    /// walked closes a loop.
    struct Walk {
        let set: TemplateSet
        let suggestion: (String, [String]) -> String
        var finished: Set<String> = []
        var path: [String] = []
        var problems: [Problem] = []

        mutating func visit(_ name: String) {
            guard !finished.contains(name), let nodes = set.templates[name] else { return }
            path.append(name)
            for reference in TemplateSet.references(in: nodes) {
                let tag = "{{\(reference.sigil)\(set.spelled(reference.name))}}"
                guard set.has(reference.name) else {
                    // Missing `parent/x` names are reported when the child theme compiles.
                    if reference.name.hasPrefix("\u{1}") { continue }
                    let known = set.templates.keys.filter { !$0.hasPrefix("\u{1}") }
                    problems.append(Problem(template: name, position: reference.position,
                        message: "\(tag) names a template that does not exist",
                        hint: suggestion(reference.name, Array(known))
                            + "name a template by its path in the theme without '.mustache', such as 'layout' or 'partials/meeting-item'"))
                    continue
                }
                if let start = path.firstIndex(of: reference.name) {
                    let chain = (path[start...] + [reference.name]).map(set.spelled).joined(separator: " → ")
                    problems.append(Problem(template: name, position: reference.position,
                        message: "\(tag) makes templates include each other in a loop: \(chain)",
                        hint: "a template cannot include or extend itself, directly or through others; remove this tag or break the chain"))
                    continue
                }
                visit(reference.name)
            }
            path.removeLast()
            finished.insert(name)
        }
    }
}
