import CopseMarkdown
import CopseTemplate
import Foundation

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
    /// Works on the UTF-8 bytes: Foundation's `range(of:)` cost more than the rest of
    /// a page's context.
    static func decorate(_ html: String, headings: [MarkdownHeading]) -> (html: String, firstHeading: String.Index?) {
        guard !headings.isEmpty else { return (html, nil) }
        var source = html
        var out: [UInt8] = []
        var firstHeading: Int?
        source.withUTF8 { bytes in
            out.reserveCapacity(bytes.count + headings.count * 96)
            var rest = 0
            for heading in headings {
                let open = Array("<h\(heading.level) id=\"\(heading.id)\">".utf8)
                let close = Array("</h\(heading.level)>".utf8)
                guard let start = bytes.firstOffset(of: open, from: rest),
                      let end = bytes.firstOffset(of: close, from: start + open.count).map({ $0 + close.count }) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<start]))
                if firstHeading == nil { firstHeading = out.count }
                out.append(contentsOf: #"<div class="heading">"#.utf8)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                out.append(contentsOf: "<a class=\"heading-link\" href=\"#\(heading.id)\" aria-label=\"Link to this section: ".utf8)
                out.append(contentsOf: HTMLEscaping.escape(heading.text).utf8)
                out.append(contentsOf: "\">#</a></div>".utf8)
                rest = end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
        }
        let result = String(decoding: out, as: UTF8.self)
        return (result, firstHeading.map { result.utf8.index(result.startIndex, offsetBy: $0) })
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

private extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `pattern` first occurs at or after `from`: `memchr` for its first byte, then a
    /// comparison of the rest.
    func firstOffset(of pattern: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, let base = baseAddress else { return nil }
        let last = count - pattern.count
        var index = from
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            let offset = base.distance(to: UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)))
            if memcmp(base + offset, pattern, pattern.count) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }
}
