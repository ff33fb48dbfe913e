/// Fits a page's rendered Markdown inside another page (the evidence pack): headings move down
/// below the host's own, and every id and same-page `#fragment` gets a prefix, so that the ids
/// of many pages never clash.
///
/// The HTML comes from cmark-gfm, which escapes `<` and `"` in text, so `<h2` and ` id="` only
/// ever occur in markup.
enum HTMLEmbedding {
    static func embed(_ html: String, idPrefix: String, headingShift: Int) -> String {
        var html = html
        if headingShift > 0 {
            for level in stride(from: 6, through: 1, by: -1) {
                let shifted = min(level + headingShift, 6)
                guard shifted != level else { continue }
                html = html.replacingOccurrences(of: "<h\(level)", with: "<h\(shifted)")
                    .replacingOccurrences(of: "</h\(level)>", with: "</h\(shifted)>")
            }
        }
        return html.replacingOccurrences(of: " id=\"", with: " id=\"\(idPrefix)")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(idPrefix)")
    }
}
