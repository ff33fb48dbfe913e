import CopseCore
import CopseMarkdown
import Foundation

extension Pipeline {
    /// Reads and parses every Markdown file on all cores (cmark-gfm included, see
    /// ``SpecialCharacters`` in CopseMarkdown). The pages that parsed, and every file's problems.
    /// `known`: the hash of each file's bytes, in the order of `paths`, as the build's fingerprint
    /// found them; a page the cache holds for that hash is taken without reading its file.
    static func parse(_ paths: [String], content: URL, options: Config.MarkdownSettings, cache: ParseCache? = nil,
                      facets: FacetTable? = nil, known: [ContentHash]? = nil) -> Checked<[ParsedPage]> {
        let markdownOptions = MarkdownOptions(unsafeHTML: options.unsafeHTML)
        let folder = content.path
        let known = known?.count == paths.count ? known : nil
        var parsed = Array(paths.indices).parallelMap { index -> Checked<ParsedPage> in
            let path = paths[index]
            let source = "content/" + path
            if let cache, let hash = known?[index],
               let saved = cache.page(source: source, contentPath: path, bytes: hash, markdown: markdownOptions) {
                facets?.store(saved.facet, at: index, source: source)
                facets?.store(bytes: hash, at: index, source: source)
                return saved.page
            }
            guard let bytes = FileBytes.read(folder + "/" + path) else {
                return .failed([.error(SourceLocation(path: source), "cannot read this file",
                                       hint: "check its permissions (it must be readable by the user running copse)")])
            }
            guard let cache else {
                let page = PageParser.parse(source: source, contentPath: path, bytes: bytes, markdown: markdownOptions)
                if let facets {
                    facets.store(bytes: ContentHash.of(bytes), at: index, source: source)
                    if let parsed = page.value { facets.store(PageFacet.of(bytes: bytes, page: parsed), at: index, source: source) }
                }
                return page
            }
            let hash = ContentHash.of(bytes)
            facets?.store(bytes: hash, at: index, source: source)
            let (page, facet) = cache.page(source: source, contentPath: path, bytes: bytes, hash: hash, markdown: markdownOptions)
            if let facet { facets?.store(facet, at: index, source: source) }
            return page
        }
        // Moved out one by one: copying ten thousand pages (dozens of references each) is felt.
        var pages: [ParsedPage] = [], diagnostics: [Diagnostic] = []
        pages.reserveCapacity(parsed.count)
        for index in parsed.indices {
            diagnostics += parsed[index].diagnostics
            if let page = parsed[index].value.take() { pages.append(page) }
        }
        return Checked(pages, diagnostics)
    }
}
