import CCmarkGFM
import Foundation

extension TreePasses {
    /// Wraps every table in a focusable, labelled region,
    /// `<div class="content-table" tabindex="0" role="region" aria-label="Table 1: Role, Who">`,
    /// so that a table wider than a phone's screen scrolls inside it, a keyboard can scroll it,
    /// and a screen reader names it by its number on the page and its first header cells.
    static func scrollableTables(_ root: OpaquePointer, memory: UnsafeMutablePointer<cmark_mem>) {
        let tables = nodes(in: root, matching: { strcmp(cmark_node_get_type_string($0), "table") == 0 })
        for (offset, table) in tables.enumerated() {
            let region = newNode(CMARK_NODE_CUSTOM_BLOCK, memory)
            let label = LinkPlaceholder.escape(tableLabel(table, number: offset + 1))
            cmark_node_set_on_enter(region, "<div class=\"content-table\" tabindex=\"0\" role=\"region\" aria-label=\"\(label)\">")
            cmark_node_set_on_exit(region, "</div>")
            cmark_node_replace(table, region)
            cmark_node_append_child(region, table)
        }
    }

    /// `Table N`, then up to three header cells' text: `Table 2: Role, Who, What they do, …`.
    static func tableLabel(_ table: OpaquePointer, number: Int) -> String {
        let shown = 3
        var headers: [String] = []
        var more = false
        if let row = cmark_node_first_child(table), cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
            var cell = cmark_node_first_child(row)
            while let current = cell {
                let text = plainText(current)
                if !text.isEmpty {
                    if headers.count == shown { more = true; break }
                    headers.append(text)
                }
                cell = cmark_node_next(current)
            }
        }
        guard !headers.isEmpty else { return "Table \(number)" }
        return "Table \(number): " + headers.joined(separator: ", ") + (more ? ", …" : "")
    }
}
