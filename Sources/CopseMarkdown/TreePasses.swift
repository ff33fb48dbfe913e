import Foundation
import CCmarkGFM

/// Passes over the cmark-gfm syntax tree. Each takes the root, changes the tree in place and
/// returns Swift values; none keeps a pointer.
enum TreePasses {
    /// Removes a level-1 heading that is the first block and returns its text.
    static func removeLeadingTitle(_ root: OpaquePointer) -> String? {
        guard let first = cmark_node_first_child(root),
              cmark_node_get_type(first) == CMARK_NODE_HEADING,
              cmark_node_get_heading_level(first) == 1 else { return nil }
        let text = plainText(first)
        cmark_node_unlink(first)
        cmark_node_free(first)
        return text
    }

    /// Gives each internal link and image a placeholder URL; returns the originals in order.
    static func placeholderLinks(_ root: OpaquePointer, tag: String, isInternal: (String) -> Bool) -> [MarkdownLink] {
        var links: [MarkdownLink] = []
        for node in nodes(in: root, where: { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE }) {
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            guard isInternal(destination) else { continue }
            let placeholder = LinkPlaceholder.url(links.count, tag: tag)
            cmark_node_set_url(node, placeholder)
            links.append(MarkdownLink(
                destination: destination,
                line: Int(cmark_node_get_start_line(node)),
                column: Int(cmark_node_get_start_column(node)),
                isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE
            ))
        }
        return links
    }

    /// Replaces every heading with a custom block that renders `<hN id="slug">…</hN>`.
    static func anchorHeadings(_ root: OpaquePointer, memory: UnsafeMutablePointer<cmark_mem>) -> [MarkdownHeading] {
        var slugger = HeadingSlugger()
        var headings: [MarkdownHeading] = []
        for node in nodes(in: root, where: { $0 == CMARK_NODE_HEADING }) {
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(node)
            let id = slugger.unique(text)
            headings.append(MarkdownHeading(level: level, text: text, id: id))
            // A custom block puts line breaks around its own tags; the inline inside it does not.
            let block = newNode(CMARK_NODE_CUSTOM_BLOCK, memory)
            let inline = newNode(CMARK_NODE_CUSTOM_INLINE, memory)
            cmark_node_set_on_enter(block, "")
            cmark_node_set_on_exit(block, "")
            cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(inline, "</h\(level)>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(inline, child)
            }
            cmark_node_append_child(block, inline)
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }
        return headings
    }

    /// Ids a fragment may name besides headings: footnotes (`fn-label` and `fnref-label`, as
    /// cmark-gfm writes them for every referenced footnote) and, when raw HTML is kept, its
    /// `id="…"` attributes.
    static func otherAnchors(_ root: OpaquePointer, rawHTML: Bool) -> [String] {
        var anchors: [String] = []
        for node in nodes(in: root, where: { $0 == CMARK_NODE_FOOTNOTE_REFERENCE || $0 == CMARK_NODE_HTML_BLOCK || $0 == CMARK_NODE_HTML_INLINE }) {
            guard let literal = cmark_node_get_literal(node).map({ String(cString: $0) }) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE {
                anchors += ["fn-" + literal, "fnref-" + literal]
            } else if rawHTML {
                anchors += HTMLIDs.find(in: literal)
            }
        }
        return anchors
    }
}

extension TreePasses {
    /// A new node in `memory`, the allocator of the tree it joins: cmark-gfm refuses to put a
    /// node into a tree of another allocator (and leaves it out without a word).
    static func newNode(_ type: cmark_node_type, _ memory: UnsafeMutablePointer<cmark_mem>) -> OpaquePointer {
        guard let node = cmark_node_new_with_mem(type, memory) else { fatalError("cmark-gfm: out of memory") }
        return node
    }

    /// Nodes of the given types, in document order, collected before any is changed.
    static func nodes(in root: OpaquePointer, where matches: (cmark_node_type) -> Bool) -> [OpaquePointer] {
        nodes(in: root, matching: { matches(cmark_node_get_type($0)) })
    }

    /// Nodes for which `matches` is true, in document order, collected before any is changed.
    static func nodes(in root: OpaquePointer, matching matches: (OpaquePointer) -> Bool) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if matches(node) { found.append(node) }
        }
        return found
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(text[first...last])
    }

    /// The text a reader sees in a node: its text, code and soft breaks, without markup.
    static func plainText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return trimmed(text)
    }
}
