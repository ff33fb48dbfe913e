import CopseCore

extension ViewModel {
    static let searchPath = "search/index.html"

    /// `search/index.html`: the search form, its filters, and where the script writes results.
    /// The filters are rendered here, not by the script, so they read the same without it.
    func searchPage() -> SearchContext {
        let path = Self.searchPath
        let layout = layout(outputPath: path, page: Self.generatedPage(title: "Search", kind: "search", kindLabel: "Search"),
                            breadcrumbs: [("Home", "index.html")])
        let present = Set(site.pages.lazy.filter { !$0.isDraft }.map(SearchKind.init))
            .union(site.communities.contains { $0.profile == nil } ? [.community] : [])
        return SearchContext(layout: layout, search: SearchInfo(
            root: Self.root(for: path),
            pageCount: site.pages.count { !$0.isDraft } + site.communities.count { $0.profile == nil },
            communities: site.communities.map { SearchCommunity(id: $0.id, title: $0.title) },
            kinds: SearchKind.allCases.filter(present.contains).map { SearchKindItem(id: $0.rawValue, label: $0.label) }))
    }
}
