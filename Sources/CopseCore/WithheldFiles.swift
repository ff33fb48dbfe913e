import CopseMarkdown
import Foundation

/// Files under `content/` that only unpublished pages use: an image that only a private meeting
/// shows, a handout only a draft links to. They are not published, since a file can be as
/// private as the page that uses it. A file no page links to is published as before.
package enum WithheldFiles {
    /// The content paths (among `staticFiles`) that some unpublished page links to, shows or
    /// names in raw HTML, and no published page does.
    static func find(site: IndexedSite, links: [[ResolvedLink]], parsed: [ParsedPage]) -> Set<String> {
        let hidden = site.hidden
        let files = Set(site.staticFiles.map(\.contentPath))
        guard !hidden.isEmpty, !files.isEmpty else { return [] }
        // Raw HTML is only in the pages when copse.yml keeps it; otherwise every file a page
        // names is in its Markdown links.
        let rawHTML = site.config.markdown.unsafeHTML
        var usedByHidden = Set<String>()
        for page in parsed where hidden[page.contentPath] != nil {
            usedByHidden.formUnion(references(page, files: files, rawHTML: rawHTML))
        }
        guard !usedByHidden.isEmpty else { return [] }
        for (page, resolved) in zip(site.pages, links) {
            for link in resolved where usedByHidden.contains(link.path) { usedByHidden.remove(link.path) }
            if rawHTML { usedByHidden.subtract(rawReferences(page.parsed, files: files)) }
        }
        return usedByHidden
    }
}

extension WithheldFiles {
    /// The files among `files` (paths in `content/`) that the page names in raw HTML, which only
    /// its text shows: a new version of a page's text that names others changes which files are
    /// withheld (see ``CopseBuild/QuickRebuild``).
    package static func namedInRawHTML(_ page: ParsedPage, files: Set<String>) -> Set<String> {
        rawReferences(page, files: files)
    }
}

private extension WithheldFiles {
    /// The files a page names in a Markdown link or image, or in raw HTML.
    static func references(_ page: ParsedPage, files: Set<String>, rawHTML: Bool) -> Set<String> {
        var found = rawHTML ? rawReferences(page, files: files) : []
        for link in page.markdown.links where !link.isWiki {
            if let path = target(link.destination, from: page.contentPath), files.contains(path) { found.insert(path) }
        }
        return found
    }

    /// The files named by `src="…"` and `href="…"` attributes in the page's HTML (raw HTML, when
    /// `unsafe_html` keeps it).
    static func rawReferences(_ page: ParsedPage, files: Set<String>) -> Set<String> {
        var found = Set<String>()
        let html = page.markdown.html
        for attribute in ["src=\"", "href=\"", "src='", "href='"] {
            var rest = html[...]
            let quote: Character = attribute.last!
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: quote) else { break }
                if let path = target(String(rest[..<end]), from: page.contentPath), files.contains(path) { found.insert(path) }
                rest = rest[end...]
            }
        }
        return found
    }

    /// The content path a relative destination names, without its fragment or query.
    static func target(_ destination: String, from contentPath: String) -> String? {
        var path = Substring(destination)
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
        guard !path.isEmpty, !path.contains(":") else { return nil }
        if path.contains("%") { path = Substring(path.removingPercentEncoding ?? String(path)) }
        let folder = path.hasPrefix("/") ? "" : PathBytes.folder(of: contentPath)
        return PathBytes.resolve(path, from: folder)
    }
}
