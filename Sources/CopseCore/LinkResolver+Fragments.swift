import CopseMarkdown
import Foundation

extension LinkResolver {
    /// Checks `#fragment` (with its `#`) against the heading ids of a Markdown target. A wiki
    /// link may also name a heading by its text (`[[norms#How we decide]]`). Fragments of static
    /// files (`guide.pdf#page=2`) and of pages copse generates are passed through unchecked.
    func checkFragment(_ fragment: String, of target: ResolvedLink, site: IndexedSite, wiki: Bool,
                       written: String) -> Result<ResolvedLink, Problem> {
        guard !fragment.isEmpty else { return .success(target) }
        var link = target
        link.fragment = fragment
        guard let pageIndex = target.page else { return .success(link) }
        let markdown = site.pages[pageIndex].parsed.markdown
        let id = String(fragment.dropFirst())
        let decoded = id.removingPercentEncoding ?? id
        let wanted = wiki ? [decoded, HeadingSlugger.slug(decoded)] : [decoded]
        if let heading = markdown.headings.first(where: { wanted.contains($0.id) }) {
            link.fragment = wiki ? "#" + heading.id : fragment
            link.title = target.path.isEmpty ? heading.text : "\(target.title): \(heading.text)"
            return .success(link)
        }
        if markdown.otherAnchors.contains(decoded) { return .success(link) }
        return .failure(missingFragment(decoded, in: site.pages[pageIndex], written: wiki ? written : "'\(written)'"))
    }
}

private extension LinkResolver {
    func missingFragment(_ id: String, in page: PlacedPage, written: String) -> Problem {
        let ids = page.parsed.markdown.headings.map(\.id)
        let message = "broken link to \(written): \(page.parsed.source) has no heading '#\(id)'"
        guard !ids.isEmpty else {
            return Problem(message: message, hint: "that page has no headings; link to the page without '#\(id)'")
        }
        let shown = ids.prefix(8).map { "#" + $0 }.joined(separator: ", ") + (ids.count > 8 ? ", …" : "")
        let nearest = Suggestion.nearest(to: HeadingSlugger.slug(id), in: ids).map { "did you mean '#\($0)'? " } ?? ""
        return Problem(message: message, hint: nearest + "its headings are \(shown)")
    }
}
