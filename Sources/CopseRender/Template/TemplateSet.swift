/// The compiled templates of a theme, rendered against copse's contexts: dictionaries
/// (`[String: Any]`), lists of them, text, numbers and booleans.
///
/// copse renders every page through here rather than through swift-mustache's renderer, which
/// looks names up with protocol casts, reflection and a fresh array per lookup: on a large hub
/// that was most of the build. Names are split once, when a template compiles; a lookup is a
/// dictionary read per enclosing context. Output matches swift-mustache's byte for byte (a test
/// renders the golden sites both ways).
struct TemplateSet: Sendable {
    private(set) var templates: [String: [TemplateNode]] = [:]
    /// The file each template was compiled from, as diagnostics print it (when known).
    private(set) var sources: [String: String] = [:]

    mutating func add(_ nodes: [TemplateNode], named name: String, source: String? = nil) {
        templates[name] = nodes
        sources[name] = source
    }

    func has(_ name: String) -> Bool { templates[name] != nil }

    /// Renders template `name`; nil when there is no such template.
    func render(_ name: String, context: [String: Any]) -> String? {
        guard let nodes = templates[name] else { return nil }
        var out = ""
        out.reserveCapacity(16_384)
        var stack: [Any] = [context]
        render(nodes, stack: &stack, blocks: [:], into: &out)
        return out
    }
}

private extension TemplateSet {
    /// Renders `nodes` into `out`. Inside a standalone partial with `indentation`, each node's
    /// output that starts a line is indented (node by node, as swift-mustache does).
    func render(_ nodes: [TemplateNode], stack: inout [Any], blocks: [String: [TemplateNode]], indentation: String = "",
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

    func render(_ node: TemplateNode, stack: inout [Any], blocks: [String: [TemplateNode]], indentation: String, into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let name, let escaped):
            guard let value = Self.lookup(name, in: stack) else { return }
            let text = Self.text(of: value)
            out += escaped ? HTMLEscaping.escape(text) : text
        case .section(let name, let body, let inverted):
            let value = Self.lookup(name, in: stack)
            if inverted {
                if !Self.isTruthy(value) { render(body, stack: &stack, blocks: blocks, indentation: indentation, into: &out) }
            } else {
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

    func section(_ value: Any?, _ body: [TemplateNode], stack: inout [Any], blocks: [String: [TemplateNode]],
                 indentation: String, into out: inout String) {
        switch value {
        case nil: return
        case let flag as Bool:
            if flag { render(body, stack: &stack, blocks: blocks, indentation: indentation, into: &out) }
        case let items as [[String: Any]]:
            for item in items { push(item, body, stack: &stack, blocks: blocks, indentation: indentation, into: &out) }
        case let items as [Any]:
            for item in items { push(item, body, stack: &stack, blocks: blocks, indentation: indentation, into: &out) }
        case let value?:
            push(value, body, stack: &stack, blocks: blocks, indentation: indentation, into: &out)
        }
    }

    func push(_ value: Any, _ body: [TemplateNode], stack: inout [Any], blocks: [String: [TemplateNode]],
              indentation: String, into out: inout String) {
        stack.append(value)
        render(body, stack: &stack, blocks: blocks, indentation: indentation, into: &out)
        stack.removeLast()
    }

    /// The value `name` names: its first part is looked for from the innermost context out; the
    /// rest are read from there without climbing again.
    static func lookup(_ name: TemplateName, in stack: [Any]) -> Any? {
        guard let first = name.parts.first else { return stack.last }
        var found: Any?
        for context in stack.reversed() {
            if let dictionary = context as? [String: Any], let value = dictionary[first] {
                found = value
                break
            }
        }
        for part in name.parts.dropFirst() {
            guard let dictionary = found as? [String: Any] else { return nil }
            found = dictionary[part]
        }
        return found
    }

    static func isTruthy(_ value: Any?) -> Bool {
        switch value {
        case nil: false
        case let flag as Bool: flag
        case let items as [[String: Any]]: !items.isEmpty
        case let items as [Any]: !items.isEmpty
        default: true
        }
    }

    static func text(of value: Any) -> String {
        switch value {
        case let text as String: text
        case let number as Int: String(number)
        default: String(describing: value)
        }
    }
}
