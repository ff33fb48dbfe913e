import CCmarkGFM
import Foundation

/// Which kinds of node a syntax tree holds, found in one walk, so that the passes over kinds a
/// page does not have are skipped: most pages have no code block, raw HTML, table, quote or
/// image, and each pass is a walk of the whole tree (together a quarter of the Markdown stage).
///
/// Taken before any pass runs. The passes only remove nodes of the kinds counted here, or add
/// nodes of kinds no later pass looks for (custom blocks, and the links and text of wiki links),
/// so a kind absent at the start stays absent for every pass that is skipped.
struct TreeCensus {
    var codeBlocks = false
    var html = false
    var linksOrImages = false
    var images = false
    var headings = false
    var footnoteReferences = false
    var blockQuotes = false
    var tables = false

    init(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else {
            // Without an iterator (out of memory) every pass runs, as it would have.
            (codeBlocks, html, linksOrImages, images, headings, footnoteReferences, blockQuotes, tables) =
                (true, true, true, true, true, true, true, true)
            return
        }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_PARAGRAPH, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_LIST,
                 CMARK_NODE_ITEM, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_CODE, CMARK_NODE_DOCUMENT,
                 CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_FOOTNOTE_DEFINITION:
                break
            case CMARK_NODE_CODE_BLOCK: codeBlocks = true
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: html = true
            case CMARK_NODE_LINK: linksOrImages = true
            case CMARK_NODE_IMAGE: (linksOrImages, images) = (true, true)
            case CMARK_NODE_HEADING: headings = true
            case CMARK_NODE_FOOTNOTE_REFERENCE: footnoteReferences = true
            case CMARK_NODE_BLOCK_QUOTE: blockQuotes = true
            default:
                // The extensions' kinds (tables and their rows and cells, strikethrough) have
                // numbers given when they are registered: known by name.
                if !tables, let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 { tables = true }
            }
        }
    }
}
