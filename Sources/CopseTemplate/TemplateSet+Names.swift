/// The check of the names a theme's templates use, run when the theme loads: every
/// `{{name}}` and `{{#section}}` must name something in the context the template is rendered
/// with, or in a section around it.
///
/// The check walks the templates as the renderer would, with schemas in place of values: from
/// each template a page is rendered with (its root schema), through sections (entering a map or
/// a list's items as the renderer does), partials (rendered inside whatever includes them),
/// parents and their blocks (a block's override is rendered where the parent puts the block).
/// A name is an error when no walk that reaches it can resolve it: a partial included from
/// several templates may use a name that only some of them have, as the renderer then writes
/// nothing for the others. Templates no root reaches are checked as if included from each root.
package extension TemplateSet {
    struct NameProblem: Equatable, Sendable {
        /// The template holding the tag (its key in the set).
        package var template: String
        package var position: TemplatePosition
        /// As written in the tag: `page.titel`.
        package var name: String
        /// The names that could be meant there, with as many parts as `name`: those of the
        /// innermost section first, then each enclosing one out to the template's context.
        package var candidates: [[String]]
    }

    /// `roots`: each template a page is rendered with, and the schema of its context.
    func nameProblems(roots: [(template: String, schema: TemplateSchema)]) -> [NameProblem] {
        var walk = NameWalk(set: self)
        for root in roots {
            guard let nodes = templates[root.template] else { continue }
            walk.enter(nodes, template: root.template, stack: [.schema(root.schema)], blocks: [:])
        }
        for name in templates.keys.sorted() where !walk.reached.contains(name) && !name.hasPrefix("\u{1}") {
            for root in roots { walk.enter(templates[name] ?? [], template: name, stack: [.schema(root.schema)], blocks: [:]) }
        }
        return walk.failed.filter { !walk.resolved.contains($0.key) }.values
            .sorted { ($0.template, $0.position) < ($1.template, $1.position) }
    }
}

private extension TemplateSet {
    /// What a section puts on the stack of names.
    enum Scope {
        case schema(TemplateSchema)
        /// Text or a number: no names.
        case opaque
        /// Anything (front matter passed through).
        case open

        var signature: String {
            switch self {
            case .schema(let schema): schema.name
            case .opaque: "_"
            case .open: "*"
            }
        }

        init?(entering shape: TemplateShape) {
            switch shape {
            case .map(let schema): self = .schema(schema)
            case .list(let item): self.init(entering: item)
            case .flag: return nil
            case .text, .html, .number: self = .opaque
            case .any: self = .open
            }
        }
    }

    /// A block's override, with the template it is written in.
    struct Override {
        var nodes: [TemplateNode]
        var template: String
        var signature: String
    }

    struct Key: Hashable {
        var template: String
        var position: TemplatePosition
        var name: String
    }

    struct NameWalk {
        let set: TemplateSet
        var visited: Set<String> = []
        var reached: Set<String> = []
        var resolved: Set<Key> = []
        var failed: [Key: NameProblem] = [:]

        mutating func enter(_ nodes: [TemplateNode], template: String, stack: [Scope], blocks: [String: Override]) {
            let signature = template + "|" + stack.map(\.signature).joined(separator: ",") + "|"
                + blocks.keys.sorted().map { "\($0)=\(blocks[$0]!.signature)" }.joined(separator: ",")
            guard visited.insert(signature).inserted else { return }
            reached.insert(template)
            walk(nodes, template: template, stack: stack, blocks: blocks)
        }

        mutating func walk(_ nodes: [TemplateNode], template: String, stack: [Scope], blocks: [String: Override]) {
            for node in nodes {
                switch node {
                case .text:
                    break
                case .variable(let name, _, let position):
                    _ = check(name, at: position, in: template, stack: stack)
                case .section(let name, let body, let inverted, let position):
                    let shape = check(name, at: position, in: template, stack: stack)
                    // An unknown name is reported once; inside, anything goes.
                    let inner = inverted ? nil : shape.map(Scope.init(entering:)) ?? .open
                    walk(body, template: template, stack: inner.map { stack + [$0] } ?? stack, blocks: blocks)
                case .partial(let name, _, _):
                    if let nodes = set.templates[name] { enter(nodes, template: name, stack: stack, blocks: blocks) }
                case .parent(let name, let overrides, _, let position):
                    var merged = blocks
                    for (block, nodes) in overrides where blocks[block] == nil {
                        merged[block] = Override(nodes: nodes, template: template, signature: "\(template)@\(position.line):\(position.column)")
                    }
                    if let nodes = set.templates[name] { enter(nodes, template: name, stack: stack, blocks: merged) }
                case .block(let name, let body):
                    if let override = blocks[name] {
                        walk(override.nodes, template: override.template, stack: stack, blocks: blocks)
                    } else {
                        walk(body, template: template, stack: stack, blocks: blocks)
                    }
                }
            }
        }

        /// The shape `name` has there, recording whether it resolves; nil when it does not.
        mutating func check(_ name: TemplateName, at position: TemplatePosition, in template: String, stack: [Scope]) -> TemplateShape? {
            let key = Key(template: template, position: position, name: name.description)
            if let shape = TemplateSet.resolve(name, in: stack) {
                resolved.insert(key)
                return shape
            }
            if failed[key] == nil {
                failed[key] = NameProblem(template: template, position: position, name: name.description,
                                          candidates: TemplateSet.candidates(parts: name.parts.count, in: stack))
            }
            return nil
        }
    }

    /// The shape `name` resolves to in `stack`, as the renderer looks it up: the first part from
    /// the innermost scope out (past a name that may be absent), the rest from there.
    static func resolve(_ name: TemplateName, in stack: [Scope]) -> TemplateShape? {
        guard let first = name.parts.first else { return .any }
        for scope in stack.reversed() {
            switch scope {
            case .opaque: continue
            case .open: return .any
            case .schema(let schema):
                guard let entry = schema[first] else { continue }
                if let shape = resolve(name.parts.dropFirst(), from: entry.shape) { return shape }
                if entry.missing != .absent { return nil }
            }
        }
        return nil
    }

    static func resolve(_ parts: ArraySlice<String>, from shape: TemplateShape) -> TemplateShape? {
        guard let part = parts.first else { return shape }
        switch shape {
        case .any: return .any
        case .map(let schema): return schema[part].flatMap { resolve(parts.dropFirst(), from: $0.shape) }
        case .text, .html, .number, .flag, .list: return nil
        }
    }

    /// Every name of `parts` parts that resolves in each scope of `stack`, innermost first, for "did you mean".
    static func candidates(parts: Int, in stack: [Scope]) -> [[String]] {
        func add(_ prefix: String, _ schema: TemplateSchema, depth: Int, to names: inout [String]) {
            for entry in schema.entries {
                let name = prefix + entry.name
                if depth == 1 {
                    names.append(name)
                } else if case .map(let inner) = entry.shape {
                    add(name + ".", inner, depth: depth - 1, to: &names)
                }
            }
        }
        return stack.reversed().compactMap { scope in
            guard case .schema(let schema) = scope else { return nil }
            var names: [String] = []
            add("", schema, depth: max(parts, 1), to: &names)
            return names
        }
    }
}
