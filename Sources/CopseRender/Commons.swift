import CopseCore

/// The commons: every resource in the hub, and the ways to look at it. Each view is its own
/// page, so sorting and filtering work without JavaScript.
struct Commons: Sendable {
    enum View: Sendable, Equatable {
        /// Most used first: `resources/index.html`.
        case byUse
        /// `resources/a-z/index.html`
        case byTitle
        /// `resources/kind/<slug>/index.html`
        case kind(String)
        /// `resources/tag/<slug>/index.html`
        case tag(String)

        var path: String {
            switch self {
            case .byUse: "resources/index.html"
            case .byTitle: "resources/a-z/index.html"
            case .kind(let slug): "resources/kind/\(slug)/index.html"
            case .tag(let slug): "resources/tag/\(slug)/index.html"
            }
        }
    }

    struct Facet: Sendable {
        var slug: String
        var name: String
        /// Resources with this kind or tag, most used first.
        var resources: [PageID]
    }

    /// Every resource, most used first, then by title.
    let byUse: [PageID]
    /// Every resource by title.
    let byTitle: [PageID]
    let kinds: [Facet]
    let tags: [Facet]

    init(site: Site) {
        let all = site.hubResources + site.communities.flatMap(\.resources)
        let pages = site.pages
        let uses = { (index: PageID) in site.crossLinks.usedBy[index]?.count ?? 0 }
        // Each title lowered once, not at each comparison.
        let titled = all.map { (title: pages[$0].title.lowercased(), path: pages[$0].outputPath, page: $0) }
        byTitle = titled.sorted { ($0.title, $0.path) < ($1.title, $1.path) }.map(\.page)
        byUse = byTitle.enumerated().sorted { a, b in
            let (usesA, usesB) = (uses(a.element), uses(b.element))
            return usesA != usesB ? usesA > usesB : a.offset < b.offset
        }.map(\.element)
        var kindPages: [String: (name: String, pages: [PageID])] = [:]
        for index in byUse {
            guard let kind = pages[index].parsed.frontMatter.kind else { continue }
            let slug = CrossLinks.tagSlug(kind)
            guard !slug.isEmpty else { continue }
            kindPages[slug, default: (kind, [])].pages.append(index)
        }
        kinds = kindPages.map { Facet(slug: $0.key, name: $0.value.name, resources: $0.value.pages) }.sorted { $0.slug < $1.slug }
        let position = Dictionary(uniqueKeysWithValues: byUse.enumerated().map { ($0.element, $0.offset) })
        tags = site.crossLinks.tags.compactMap { tag in
            let resources = tag.pages.filter { position[$0] != nil }.sorted { position[$0]! < position[$1]! }
            return resources.isEmpty ? nil : Facet(slug: tag.slug, name: tag.name, resources: resources)
        }
    }

    /// How many tags the filter offers: the most used, so the list stays short on a phone.
    static let offeredTags = 12

    /// The tags the filter lists: the most used (by resources), then by name, always
    /// including the one being viewed; in name order.
    func tagsToOffer(current view: View) -> [Facet] {
        let top = tags.enumerated().sorted { ($1.element.resources.count, $0.offset) < ($0.element.resources.count, $1.offset) }
            .prefix(Self.offeredTags).map(\.element.slug)
        var offered = Set(top)
        if case .tag(let slug) = view { offered.insert(slug) }
        return tags.filter { offered.contains($0.slug) }
    }

    /// Every view there is a page for.
    var views: [View] {
        [.byUse, .byTitle] + kinds.map { .kind($0.slug) } + tags.map { .tag($0.slug) }
    }

    func resources(in view: View) -> [PageID] {
        switch view {
        case .byUse: byUse
        case .byTitle: byTitle
        case .kind(let slug): kinds.first { $0.slug == slug }?.resources ?? []
        case .tag(let slug): tags.first { $0.slug == slug }?.resources ?? []
        }
    }
}
