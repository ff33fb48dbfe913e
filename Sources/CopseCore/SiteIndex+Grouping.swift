extension SiteIndex {
    /// Fills the site's communities, home, hub resources and hub documents, sorted.
    ///
    /// A draft previewed with `--drafts` is in no list: not its community's, not the hub's. A draft
    /// community (its `community.md` is a draft) goes to ``Site/draftCommunities``, so its own
    /// pages list each other while the hub's directory, feeds, commons and counts never see it.
    static func group(_ site: inout Site, unreadable: Set<String>, diagnostics: inout [Diagnostic]) {
        var byCommunity: [String: Community] = [:]
        let draftCommunities = Set(site.pages.compactMap { $0.kind == .community && $0.isDraft ? $0.community : nil })
        for (index, page) in zip(site.pages.ids, site.pages) {
            if page.isDraft, page.kind != .home, page.community.map(draftCommunities.contains) != true { continue }
            guard let id = page.community else {
                switch page.kind {
                case .home: site.home = index
                case .resource: site.hubResources.append(index)
                default: site.hubDocuments.append(index)
                }
                continue
            }
            var community = byCommunity[id] ?? Community(id: id, title: PagePlacement.humanise(id), profile: nil,
                                                         documents: [], meetings: [], resources: [])
            switch page.kind {
            case .community:
                community.profile = index
                community.title = page.title
            case .meeting: community.meetings.append(index)
            case .resource: community.resources.append(index)
            case .document, .home: community.documents.append(index)
            }
            byCommunity[id] = community
        }
        let pages = site.pages
        func byTitle(_ a: PageID, _ b: PageID) -> Bool {
            (pages[a].title.lowercased(), pages[a].outputPath) < (pages[b].title.lowercased(), pages[b].outputPath)
        }
        for (id, var community) in byCommunity {
            if community.profile == nil, !unreadable.contains("communities/\(id)/community.md") {
                diagnostics.append(.warning(SourceLocation(path: "content/communities/\(id)/community.md"),
                    "community '\(id)' has no community.md",
                    hint: "create it with title, region, leaders, meets and purpose in its front matter"))
            }
            community.documents.sort { a, b in
                switch (pages[a].founding, pages[b].founding) {
                case let (x?, y?): x < y
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): byTitle(a, b)
                }
            }
            community.meetings.sort {
                (pages[$0].date ?? site.today, pages[$0].outputPath) < (pages[$1].date ?? site.today, pages[$1].outputPath)
            }
            community.resources.sort(by: byTitle)
            byCommunity[id] = community
        }
        let sorted = byCommunity.values.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        site.communities = sorted.filter { !draftCommunities.contains($0.id) }
        site.draftCommunities = sorted.filter { draftCommunities.contains($0.id) }
        site.hubResources.sort(by: byTitle)
        site.hubDocuments.sort(by: byTitle)
    }
}
