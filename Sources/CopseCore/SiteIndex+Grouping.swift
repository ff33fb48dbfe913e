extension SiteIndex {
    /// The site's lists, sorted: its communities, home, hub resources and hub documents.
    struct Groups {
        var communities: [Community] = []
        var draftCommunities: [Community] = []
        var home: PageID?
        var hubResources: [PageID] = []
        var hubDocuments: [PageID] = []
        /// A community without a `community.md`.
        var diagnostics: [Diagnostic] = []
    }

    /// Groups the placed pages into the site's lists.
    ///
    /// A draft previewed with `--drafts` is in no list: not its community's, not the hub's. A draft
    /// community (its `community.md` is a draft) goes to ``IndexedSite/draftCommunities``, so its own
    /// pages list each other while the hub's directory, feeds, commons and counts never see it.
    static func group(_ pages: [PlacedPage], today: Day, unreadable: Set<String>) -> Groups {
        var groups = Groups()
        var byCommunity: [String: Community] = [:]
        let draftCommunities = Set(pages.compactMap { $0.kind == .community && $0.isDraft ? $0.community : nil })
        for (index, page) in zip(pages.ids, pages) {
            if page.isDraft, page.kind != .home, page.community.map(draftCommunities.contains) != true { continue }
            guard let id = page.community else {
                switch page.kind {
                case .home: groups.home = index
                case .resource: groups.hubResources.append(index)
                default: groups.hubDocuments.append(index)
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
        func byTitle(_ a: PageID, _ b: PageID) -> Bool {
            (pages[a].title.lowercased(), pages[a].outputPath) < (pages[b].title.lowercased(), pages[b].outputPath)
        }
        for (id, var community) in byCommunity {
            if community.profile == nil, !unreadable.contains("communities/\(id)/community.md") {
                groups.diagnostics.append(.warning(SourceLocation(path: "content/communities/\(id)/community.md"),
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
                (pages[$0].date ?? today, pages[$0].outputPath) < (pages[$1].date ?? today, pages[$1].outputPath)
            }
            community.resources.sort(by: byTitle)
            byCommunity[id] = community
        }
        let sorted = byCommunity.values.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        groups.communities = sorted.filter { !draftCommunities.contains($0.id) }
        groups.draftCommunities = sorted.filter { draftCommunities.contains($0.id) }
        groups.hubResources.sort(by: byTitle)
        groups.hubDocuments.sort(by: byTitle)
        return groups
    }
}
