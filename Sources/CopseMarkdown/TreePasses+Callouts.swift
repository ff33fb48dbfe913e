import CCmarkGFM
import Foundation

extension TreePasses {
    /// The kinds of GitHub-style alert (`> [!NOTE]` on the first line of a quote) and their titles.
    static let calloutKinds = ["note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"]

    /// Turns each quote whose first line is just `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`
    /// or `[!CAUTION]` (any case) into a callout: `<div class="callout callout-note" role="note">`
    /// with a visible title, so its meaning does not rest on colour. Other quotes stay quotes.
    static func callouts(_ root: OpaquePointer, memory: UnsafeMutablePointer<cmark_mem>) {
        for quote in nodes(in: root, where: { $0 == CMARK_NODE_BLOCK_QUOTE }) {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let (kind, marker) = calloutMarker(paragraph) else { continue }
            let block = newNode(CMARK_NODE_CUSTOM_BLOCK, memory)
            for node in marker {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
            let title = calloutKinds[kind] ?? kind
            cmark_node_set_on_enter(block, "<div class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\">\(title)</p>")
            cmark_node_set_on_exit(block, "</div>")
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(quote, block)
            cmark_node_free(quote)
        }
    }

    /// Every image whose description (alt text) is empty, by its position in the body, for a
    /// warning. An image marked decorative with `![""](…)` is left out and gets `alt=""`.
    static func imagesWithoutDescription(_ root: OpaquePointer) -> [(line: Int, column: Int)] {
        var missing: [(line: Int, column: Int)] = []
        for image in nodes(in: root, where: { $0 == CMARK_NODE_IMAGE }) {
            let text = plainText(image)
            if text == "\"\"" || text == "\u{201C}\u{201D}" {
                while let child = cmark_node_first_child(image) {
                    cmark_node_unlink(child)
                    cmark_node_free(child)
                }
            } else if text.isEmpty {
                missing.append((Int(cmark_node_get_start_line(image)), Int(cmark_node_get_start_column(image))))
            }
        }
        return missing
    }
}

private extension TreePasses {
    /// The alert kind and the inline nodes of the marker line (the marker and the line break
    /// after it), when the paragraph starts with a marker alone on its line.
    static func calloutMarker(_ paragraph: OpaquePointer) -> (String, [OpaquePointer])? {
        var text = ""
        var nodes: [OpaquePointer] = []
        var node = cmark_node_first_child(paragraph)
        while let current = node {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                nodes.append(current)
                break
            }
            guard type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(current) else { return nil }
            text += String(cString: literal)
            nodes.append(current)
            guard text.count <= 14 else { return nil }
            node = cmark_node_next(current)
        }
        let marker = trimmed(text)
        guard marker.hasPrefix("[!"), marker.hasSuffix("]") else { return nil }
        let kind = marker.dropFirst(2).dropLast().lowercased()
        return calloutKinds[kind] == nil ? nil : (kind, nodes)
    }
}
