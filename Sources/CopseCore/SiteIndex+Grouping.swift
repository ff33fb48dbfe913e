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
        // By position: a PlacedPage copied out retains each of its parts.
        let draftCommunities = Set(pages.indices.compactMap { pages[$0].kind == .community && pages[$0].isDraft ? pages[$0].community : nil })
        for index in pages.ids {
            let kind = pages[index].kind
            if pages[index].isDraft, kind != .home, pages[index].community.map(draftCommunities.contains) != true { continue }
            guard let id = pages[index].community else {
                switch kind {
                case .home: groups.home = index
                case .resource: groups.hubResources.append(index)
                default: groups.hubDocuments.append(index)
                }
                continue
            }
            // Changed in place: a copy taken out of the dictionary would copy its lists at each append.
            if byCommunity[id] == nil {
                byCommunity[id] = Community(id: id, title: PagePlacement.humanise(id), profile: nil, documents: [], meetings: [], resources: [])
            }
            switch kind {
            case .community:
                byCommunity[id]!.profile = index
                byCommunity[id]!.title = pages[index].title
            case .meeting: byCommunity[id]!.meetings.append(index)
            case .resource: byCommunity[id]!.resources.append(index)
            case .document, .home: byCommunity[id]!.documents.append(index)
            }
        }
        // Each title lowered once, not at each comparison.
        let lowered = pages.indices.map { pages[$0].title.lowercased() }
        func byTitle(_ a: PageID, _ b: PageID) -> Bool {
            (lowered[a.index], pages[a].outputPath) < (lowered[b.index], pages[b].outputPath)
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
