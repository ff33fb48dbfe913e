import CopseMarkdown
import CopseTemplate

/// A page's headings as readers use them: each with a link to its own address, and the list of
/// them that the "On this page" contents shows.
///
/// The Markdown stage writes each heading as `<hN id="slug">…</hN>`. Here each one is wrapped,
/// for the page only (the search index, feeds and the printed pack keep the plain heading):
///
///     <div class="heading"><h2 id="slug">Text</h2><a class="heading-link" href="#slug"
///       aria-label="Link to this section: Text">#</a></div>
///
/// The heading keeps its own text as its name; the link sits beside it with a name of its own.
enum HeadingLinks {
    /// A page needs contents once it has this many headings (levels 2 and 3).
    static let contentsThreshold = 3

    /// `html` with a link beside every heading of `headings`, and the offset in the result where
    /// the first heading begins (nil without headings): the end of the page's introduction.
    static func decorate(_ html: String, headings: [MarkdownHeading]) -> (html: String, firstHeading: String.Index?) {
        guard !headings.isEmpty else { return (html, nil) }
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 96)
        var rest = html[...]
        var firstHeading: String.Index?
        for heading in headings {
            let open = "<h\(heading.level) id=\"\(heading.id)\">"
            let close = "</h\(heading.level)>"
            guard let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) else { continue }
            out += rest[..<start.lowerBound]
            if firstHeading == nil { firstHeading = out.endIndex }
            out += "<div class=\"heading\">"
            out += rest[start.lowerBound..<end.upperBound]
            out += "<a class=\"heading-link\" href=\"#\(heading.id)\" aria-label=\"Link to this section: "
            out += HTMLEscaping.escape(heading.text)
            out += "\">#</a></div>"
            rest = rest[end.upperBound...]
        }
        out += rest
        return (out, firstHeading)
    }

    /// The contents of a page: its level-2 headings, each with the level-3 headings under it
    /// (a level-3 heading before any level-2 one stands on its own); empty when the page has
    /// fewer than ``contentsThreshold`` such headings, where contents would only repeat the page.
    static func contents(_ headings: [MarkdownHeading]) -> [ContentsEntry] {
        let listed = headings.filter { $0.level == 2 || $0.level == 3 }
        guard listed.count >= contentsThreshold else { return [] }
        var entries: [ContentsEntry] = []
        for heading in listed {
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(ContentsSubentry(title: heading.text, url: "#" + heading.id))
            } else {
                entries.append(ContentsEntry(title: heading.text, url: "#" + heading.id, children: []))
            }
        }
        return entries
    }
}
