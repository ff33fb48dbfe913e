/// The compiled templates of a theme, rendered against ``TemplateValue`` contexts.
///
/// copse renders every page through here rather than through swift-mustache's renderer, which
/// looks names up with protocol casts, reflection and a fresh array per lookup: on a large hub
/// that was most of the build. Names are split once, when a template compiles; a lookup reads
/// each enclosing map in turn. Output matches swift-mustache's byte for byte (a test renders the
/// golden sites both ways).
package struct TemplateSet: Sendable {
    package private(set) var templates: [String: [TemplateNode]] = [:]
    /// The file each template was compiled from, as diagnostics print it (when known).
    package private(set) var sources: [String: String] = [:]

    package init() {}

    package mutating func add(_ nodes: [TemplateNode], named name: String, source: String? = nil) {
        templates[name] = nodes
        sources[name] = source
    }

    package func has(_ name: String) -> Bool { templates[name] != nil }

    /// Renders template `name`; nil when there is no such template.
    package func render(_ name: String, context: TemplateValue) -> String? {
        guard let nodes = templates[name] else { return nil }
        var out = ""
        out.reserveCapacity(16_384)
        var stack: [TemplateValue] = [context]
        render(nodes, stack: &stack, blocks: [:], into: &out)
        return out
    }
}

private extension TemplateSet {
    /// Renders `nodes` into `out`. Inside a standalone partial with `indentation`, each node's
    /// output that starts a line is indented (node by node, as swift-mustache does).
    func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], blocks: [String: [TemplateNode]], indentation: String = "",
                into out: inout String) {
        guard indentation.isEmpty else {
            for node in nodes {
                var piece = ""
                render(node, stack: &stack, blocks: blocks, indentation: indentation, into: &piece)
                if !piece.isEmpty, out.utf8.last == UInt8(ascii: "\n") { out += indentation }
                out += piece
            }
            return
        }
        for node in nodes { render(node, stack: &stack, blocks: blocks, indentation: "", into: &out) }
    }

    func render(_ node: TemplateNode, stack: inout [TemplateValue], blocks: [String: [TemplateNode]], indentation: String,
                into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let name, let escaped, _):
            guard let value = Self.lookup(name, in: stack) else { return }
            if escaped { HTMLEscaping.append(value.text, escapedTo: &out) } else { out += value.text }
        case .section(let name, let body, let inverted, _):
            let value = Self.lookup(name, in: stack)
            if inverted {
                if !(value?.isTruthy ?? false) { render(body, stack: &stack, blocks: blocks, indentation: indentation, into: &out) }
            } else if let value {
                section(value, body, stack: &stack, blocks: blocks, indentation: indentation, into: &out)
            }
        case .partial(let name, let extra, _):
            guard let partial = templates[name] else { return }
            render(partial, stack: &stack, blocks: blocks, indentation: indentation + extra, into: &out)
        case .parent(let name, let overrides, let extra, _):
            guard let parent = templates[name] else { return }
            // Blocks given further out win over this tag's own.
            let merged = overrides.merging(blocks) { _, outer in outer }
            render(parent, stack: &stack, blocks: merged, indentation: indentation + extra, into: &out)
        case .block(let name, let body):
            render(blocks[name] ?? body, stack: &stack, blocks: blocks, indentation: indentation, into: &out)
        }
    }

    func section(_ value: TemplateValue, _ body: [TemplateNode], stack: inout [TemplateValue], blocks: [String: [TemplateNode]],
                 indentation: String, into out: inout String) {
        switch value {
        case .bool(let flag):
            if flag { render(body, stack: &stack, blocks: blocks, indentation: indentation, into: &out) }
        case .list(let items):
            for item in items { push(item, body, stack: &stack, blocks: blocks, indentation: indentation, into: &out) }
        case .text, .html, .deferredHTML, .number, .map:
            push(value, body, stack: &stack, blocks: blocks, indentation: indentation, into: &out)
        }
    }

    func push(_ value: TemplateValue, _ body: [TemplateNode], stack: inout [TemplateValue], blocks: [String: [TemplateNode]],
              indentation: String, into out: inout String) {
        stack.append(value)
        render(body, stack: &stack, blocks: blocks, indentation: indentation, into: &out)
        stack.removeLast()
    }

    /// The value `name` names: its first part is looked for from the innermost context out; the
    /// rest are read from there without climbing again.
    static func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        for context in stack.reversed() {
            if case .map(let map) = context, let value = map[first] {
                found = value
                break
            }
        }
        for part in name.parts.dropFirst() {
            guard case .map(let map)? = found else { return nil }
            found = map[part]
        }
        return found
    }
}
