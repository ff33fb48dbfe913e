import CopseCore

extension ViewModel {
    static let searchPath = "search/index.html"

    /// `search/index.html`: the search form, its filters, and where the script writes results.
    /// The filters are rendered here, not by the script, so they read the same without it.
    func searchPage() -> [String: Any] {
        let path = Self.searchPath
        var context = base(outputPath: path, page: Self.generatedPage(title: "Search", kind: "search", kindLabel: "Search"),
                           breadcrumbs: [("Home", "index.html")])
        let root = Self.root(for: path)
        let present = Set(site.pages.lazy.filter { !$0.isDraft }.map(SearchKind.init))
            .union(site.communities.contains { $0.profile == nil } ? [.community] : [])
        context["search"] = [
            "indexURL": "index.js",
            "scriptURL": root + "assets/search.js",
            "directoryURL": root + "index.html#communities-heading",
            "pageCount": Self.counted(site.pages.count { !$0.isDraft }
                                      + site.communities.count { $0.profile == nil }, "page"),
            "communities": site.communities.map { ["id": $0.id, "title": $0.title] },
            "kinds": SearchKind.allCases.filter(present.contains).map { ["id": $0.rawValue, "label": $0.label] },
        ] as [String: Any]
        context["isSearchPage"] = true
        return context
    }
}
