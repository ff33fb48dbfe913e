import CCmarkGFM
import Foundation

extension TreePasses {
    /// Turns every `[[…]]` in text into a link node with a placeholder URL, appending one
    /// ``MarkdownLink`` per wiki link to `links`. Text inside links and images is left alone, and
    /// code spans and code blocks are not text, so `[[a]](url)` and `` `[[a]]` `` stay as written.
    /// A wiki link without a label gets a text placeholder: its target's title is known later.
    static func wikiLinks(_ root: OpaquePointer, source: String, tag: String, links: inout [MarkdownLink],
                          memory: UnsafeMutablePointer<cmark_mem>) {
        let candidates = textNodesOutsideLinks(root).filter { node in
            guard let literal = cmark_node_get_literal(node) else { return false }
            return strstr(literal, "[[") != nil
        }
        guard !candidates.isEmpty else { return }
        let lines = SourceLines(source)
        for node in candidates {
            let literal = Array(String(cString: cmark_node_get_literal(node)).utf8)
            let lineNumber = Int(cmark_node_get_start_line(node))
            let alignment = SourceAlignment(literal: literal, line: lines.line(lineNumber),
                                            startColumn: Int(cmark_node_get_start_column(node)))
            let matches = WikiLinkScanner.matches(in: literal) { alignment.isRaw[$0] }
            guard !matches.isEmpty else { continue }
            var copied = 0
            for match in matches {
                insertText(literal[copied..<match.range.lowerBound], before: node, memory: memory)
                let index = links.count
                links.append(MarkdownLink(destination: match.destination, line: lineNumber,
                                          column: alignment.columns[match.range.lowerBound],
                                          isImage: false, isWiki: true, hasLabel: match.label != nil))
                let link = newNode(CMARK_NODE_LINK, memory)
                cmark_node_set_url(link, LinkPlaceholder.url(index, tag: tag))
                cmark_node_insert_before(node, link)
                appendText(match.label ?? LinkPlaceholder.text(index, tag: tag), to: link, memory: memory)
                copied = match.range.upperBound
            }
            insertText(literal[copied...], before: node, memory: memory)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }
}

private extension TreePasses {
    /// Text nodes that are not inside a link or an image, in document order.
    static func textNodesOutsideLinks(_ root: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [OpaquePointer] = []
        var linkDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            } else if type == CMARK_NODE_TEXT, event == CMARK_EVENT_ENTER, linkDepth == 0 {
                found.append(node)
            }
        }
        return found
    }

    static func insertText(_ bytes: ArraySlice<UInt8>, before node: OpaquePointer, memory: UnsafeMutablePointer<cmark_mem>) {
        guard !bytes.isEmpty else { return }
        let text = newNode(CMARK_NODE_TEXT, memory)
        cmark_node_set_literal(text, String(decoding: bytes, as: UTF8.self))
        cmark_node_insert_before(node, text)
    }

    static func appendText(_ literal: String, to parent: OpaquePointer, memory: UnsafeMutablePointer<cmark_mem>) {
        let text = newNode(CMARK_NODE_TEXT, memory)
        cmark_node_set_literal(text, literal)
        cmark_node_append_child(parent, text)
    }
}

/// The lines of a Markdown source, found once and only when a wiki link needs its line.
struct SourceLines {
    private let bytes: [UInt8]
    private var starts: [Int]

    init(_ source: String) {
        bytes = Array(source.utf8)
        starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
    }

    /// Line `number` (1-based) without its line break; empty past the end.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return [] }
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > starts[number - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[starts[number - 1]..<max(end, starts[number - 1])]
    }
}
