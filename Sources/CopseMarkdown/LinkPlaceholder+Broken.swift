extension LinkPlaceholder {
    /// The class of the element that stands in for a broken link published as text.
    package static let brokenLinkClass = "broken-link"

    /// `html` with each link whose placeholder number is in `broken` turned into its text, in a
    /// `<span class="broken-link" title="…">`, and each such image into its alt text in the same
    /// span: no reader follows it to a missing page, and the browser asks for no missing file.
    /// Run before ``substitute(in:tag:urls:texts:)``, which still fills in the text of a wiki link.
    package static func unlink(_ html: String, tag: String = defaultTag, broken: Set<Int>, title: String) -> String {
        guard !broken.isEmpty else { return html }
        var html = html
        let span = "<span class=\"\(brokenLinkClass)\" title=\"\(escape(title))\">"
        for number in broken.sorted() {
            let placeholder = url(number, tag: tag)
            if let open = html.range(of: "<a href=\"\(placeholder)\"") {
                // cmark-gfm escapes '>' in attributes, so the first one ends the tag; links do not nest.
                guard let end = html[open.upperBound...].firstIndex(of: ">") else { continue }
                let content = html.index(after: end)
                guard let close = html[content...].range(of: "</a>") else { continue }
                html.replaceSubrange(close, with: "</span>")
                html.replaceSubrange(open.lowerBound..<content, with: span)
            } else if let open = html.range(of: "<img src=\"\(placeholder)\"") {
                guard let end = html[open.upperBound...].range(of: ">") else { continue }
                let attributes = html[open.upperBound..<end.lowerBound]
                var alt = Substring("")
                if let start = attributes.range(of: " alt=\""), let stop = attributes[start.upperBound...].firstIndex(of: "\"") {
                    alt = attributes[start.upperBound..<stop]
                }
                html.replaceSubrange(open.lowerBound..<end.upperBound, with: span + alt + "</span>")
            }
        }
        return html
    }
}
