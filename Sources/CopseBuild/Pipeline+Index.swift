import CopseCore
import Foundation

extension Pipeline {
    /// The stages after the scan, in order: parse -> index -> link -> with history (from `history`).
    /// With `linkedFile`, index and link are skipped when the cache holds the site they would make.
    static func index(config: Config, options: BuildOptions, found: ContentScanner.Found?, history: PendingHistory?,
                      facets: FacetTable? = nil, known: [ContentHash]? = nil, linkedFile: LinkedSiteFile? = nil,
                      afterParse: (@Sendable () -> Void)? = nil) -> Checked<Site> {
        let content = options.root.appendingPathComponent("content")
        guard let found else {
            return .failed([.error(SourceLocation(path: "content"), "there is no content/ folder",
                                   hint: "create content/ with an index.md, or pass --root with the hub's folder")])
        }
        var clock = StageClock()
        let cache = ParseCache.forBuild(options)
        let parsing = parse(found.markdown, content: content, options: config.markdown, cache: cache, facets: facets, known: known)
        cache?.endBuild(saving: linkedFile?.saving)
        if !parsing.diagnostics.hasErrors { afterParse?() }
        let parsed = parsing.value ?? []
        clock.lap("parse")
        // Pages come in the scan's order, those that did not parse left out.
        let unreadable = parsed.count == found.markdown.count ? [] : Self.missing(from: parsed, of: found.markdown)
        let key = linkedFile?.key(parsed: parsed, facets: facets, config: config, unreadable: unreadable)
        let linked: Checked<LinkedSite>
        if let key, let kept = linkedFile?.load(key: key, parsed: parsed, config: config, today: options.today) {
            linked = Checked(kept)
            clock.lap("index and link: the cache's site")
        } else {
            let staticFiles = found.other.map { StaticFile(contentPath: $0) }
            let indexed = SiteIndex.index(config: config, pages: parsed, staticFiles: staticFiles,
                                          options: SiteIndex.Options(includeDrafts: options.includeDrafts, today: options.today),
                                          unreadable: unreadable)
            clock.lap("index")
            linked = indexed.then { SiteIndex.link($0, parsed: parsed) }
            clock.lap("link")
            if let key, let site = linked.value, linked.diagnostics.isEmpty {
                linkedFile?.save(site, key: key, parsed: parsed)
            }
        }
        var diagnostics = found.diagnostics + parsing.diagnostics + linked.diagnostics
        let git = history?.wait()
        if let git {
            diagnostics += git.diagnostics()
            clock.lap("git history (waited)")
        }
        return linked.map { Site(linked: $0, history: git?.pageHistory) }.replacingDiagnostics(diagnostics)
    }

    /// The files of `markdown` that have no page in `parsed`.
    static func missing(from parsed: [ParsedPage], of markdown: [String]) -> [String] {
        let parsedPaths = Set(parsed.map(\.contentPath))
        return markdown.filter { !parsedPaths.contains($0) }
    }
}
