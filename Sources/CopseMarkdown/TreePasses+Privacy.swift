import CCmarkGFM
import Foundation

extension TreePasses {
    /// The info string that marks a fenced block as a private passage: ```` ```private ````.
    static let privateInfo = "private"

    /// Removes every fenced code block whose info string is `private` (in any case) and returns
    /// the text of each, in order. The block's text is never rendered, so it cannot reach a page,
    /// a feed, the search index or an export; the leak audit looks for it in every output.
    static func removePrivatePassages(_ root: OpaquePointer) -> [String] {
        var passages: [String] = []
        for node in nodes(in: root, where: { $0 == CMARK_NODE_CODE_BLOCK }) where isPrivate(node) {
            passages.append(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return passages
    }

    /// Takes every HTML comment (`<!-- … -->`) out of raw HTML, whether or not raw HTML is kept:
    /// authors write notes to themselves there, and a comment is never meant for readers. A raw
    /// HTML node that held nothing but comments is removed, so it leaves no trace either.
    static func removeHTMLComments(_ root: OpaquePointer) {
        for node in nodes(in: root, where: { $0 == CMARK_NODE_HTML_BLOCK || $0 == CMARK_NODE_HTML_INLINE }) {
            guard let literal = cmark_node_get_literal(node), strstr(literal, "<!--") != nil else { continue }
            let kept = HTMLComments.removed(from: String(cString: literal))
            if kept.allSatisfy(\.isWhitespace) {
                cmark_node_unlink(node)
                cmark_node_free(node)
            } else {
                cmark_node_set_literal(node, kept)
            }
        }
    }
}

private extension TreePasses {
    static func isPrivate(_ node: OpaquePointer) -> Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(node, &length, &offset, &character) != 0,
              let info = cmark_node_get_fence_info(node) else { return false }
        let words = String(cString: info).split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.first.map { $0.lowercased() == privateInfo } ?? false
    }
}

/// HTML comments in raw HTML.
enum HTMLComments {
    /// `html` without its comments. A comment that is never closed runs to the end.
    static func removed(from html: String) -> String {
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
