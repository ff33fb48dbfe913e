/// What pages say about each other, from their resolved links and tags: backlinks, which
/// communities use each resource, the resources each meeting used, and the hub's tags.
///
/// Only published pages count. Private pages never reach the site, and a draft previewed with
/// `--drafts` shows its own links but never appears in another page's lists.
package struct CrossLinks: Sendable {
    /// For each page (by index), the pages that link to it, hub pages first, then by community
    /// and title. A page's links to itself do not count.
    package var backlinks: [[PageID]]
    /// For each resource page, the ids of the communities (other than its own) whose pages link
    /// to it, in the order of ``Site/communities``.
    package var usedBy: [PageID: [String]]
    /// For each meeting page, the resource pages it links to, in the order it first links them.
    package var meetingResources: [PageID: [PageID]]
    /// Every tag, by slug.
    package var tags: [Tag]
    /// The slug of every tag as written on some published page (see ``tagSlug(_:)``).
    package var slugs: [String: String] = [:]

    package struct Tag: Sendable, Equatable {
        /// `computing-at-school` from `Computing at school`; its page is `tags/<slug>/`.
        package var slug: String
        /// The spelling most pages use.
        package var name: String
        /// Tagged pages, newest dated first, then hub pages, then by community and title.
        package var pages: [PageID]
    }

    /// The pages that link to `page`.
    package func backlinks(of page: PageID) -> [PageID] { backlinks[page.index] }

    package init(backlinks: [[PageID]] = [], usedBy: [PageID: [String]] = [:], meetingResources: [PageID: [PageID]] = [:], tags: [Tag] = []) {
        self.backlinks = backlinks
        self.usedBy = usedBy
        self.meetingResources = meetingResources
        self.tags = tags
    }

    /// Linear in pages plus links (plus sorting each page's list).
    package static func build(_ site: IndexedSite, links resolved: [[ResolvedLink]]) -> CrossLinks {
        var order: [String: Int] = [:]
        for (position, community) in site.communities.enumerated() { order[community.id] = position }
        let communityOrder = order
        // What the links say, and the ranking of the pages with the tags (which need only the
        // pages), do not depend on each other: worked out at once.
        let (followed, (rank, tags, slugs)) = inParallel({ follow(site, resolved) }, {
            let rank = ranks(site, communityOrder: communityOrder)
            let (tags, slugs) = Self.tags(site, rank: rank)
            return (rank, tags, slugs)
        })
        var links = CrossLinks(backlinks: followed.backlinks, meetingResources: followed.meetingResources, tags: tags)
        links.slugs = slugs
        for index in links.backlinks.indices where links.backlinks[index].count > 1 {
            links.backlinks[index].sort { rank[$0.index] < rank[$1.index] }
        }
        for (resource, communities) in followed.users {
            // Each community's position looked up once, not at each comparison.
            let positioned = communities.map { (position: communityOrder[$0] ?? .max, id: $0) }
            links.usedBy[resource] = positioned.sorted { ($0.position, $0.id) < ($1.position, $1.id) }.map(\.id)
        }
        return links
    }
}

private extension CrossLinks {
    /// The backlinks (unsorted), each meeting's resources and the communities using each
    /// resource, from the published pages' links.
    static func follow(_ site: IndexedSite, _ resolved: [[ResolvedLink]])
        -> (backlinks: [[PageID]], meetingResources: [PageID: [PageID]], users: [PageID: Set<String>]) {
        var backlinks: [[PageID]] = Array(repeating: [], count: site.pages.count)
        var meetingResources: [PageID: [PageID]] = [:]
        var users: [PageID: Set<String>] = [:]
        var seen = Set<PageID>()
        for source in site.pages.ids where !site.pages[source].isDraft {
            // Fields, not the page: a PlacedPage copied out retains each of its parts.
            let (kind, community) = (site.pages[source].kind, site.pages[source].community)
            let written = site.pages[source].parsed.markdown.links
            // Wiki links are numbered after ordinary ones; put them back in reading order (a
            // stable sort, so links already in order, as on most pages, stay as they are).
            let before = { (a: Int, b: Int) in (written[a].line, written[a].column) < (written[b].line, written[b].column) }
            let inOrder = zip(written.indices, written.indices.dropFirst()).allSatisfy { !before($1, $0) }
            let order = inOrder ? Array(written.indices) : written.indices.sorted(by: before)
            seen.removeAll(keepingCapacity: true)
            for position in order {
                guard let target = resolved[source.index][position].page, target != source, seen.insert(target).inserted else { continue }
                backlinks[target.index].append(source)
                guard site.pages[target].kind == .resource else { continue }
                if kind == .meeting { meetingResources[source, default: []].append(target) }
                if let community, community != site.pages[target].community {
                    users[target, default: []].insert(community)
                }
            }
        }
        return (backlinks, meetingResources, users)
    }

    /// Each page's rank in one sort of every page (hub first, then by community, then by title),
    /// by page index: each backlink list then sorts by rank.
    static func ranks(_ site: IndexedSite, communityOrder: [String: Int]) -> [Int] {
        let ranked = site.pages.ids.map { index in
            (site.pages[index].community.flatMap { communityOrder[$0].map { $0 + 1 } } ?? 0, site.pages[index].title.lowercased(),
             site.pages[index].outputPath, index)
        }.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var rank = Array(repeating: 0, count: site.pages.count)
        for (position, entry) in ranked.enumerated() { rank[entry.3.index] = position }
        return rank
    }

    static func tags(_ site: IndexedSite, rank: [Int]) -> ([Tag], [String: String]) {
        var pagesBySlug: [String: [PageID]] = [:]
        var spellings: [String: [String: Int]] = [:]
        var slugs: [String: String] = [:]
        var seen = Set<String>()
        for index in site.pages.ids where !site.pages[index].isDraft {
            seen.removeAll(keepingCapacity: true)
            for name in site.pages[index].parsed.frontMatter.tags ?? [] {
                let slug: String
                if let known = slugs[name] { slug = known } else {
                    slug = tagSlug(name)
                    slugs[name] = slug
                }
                guard !slug.isEmpty, seen.insert(slug).inserted else { continue }
                pagesBySlug[slug, default: []].append(index)
                spellings[slug, default: [:]][name, default: 0] += 1
            }
        }
        // Each page's day once, not at each comparison.
        let days = site.pages.indices.map { site.pages[$0].date?.daysSinceEpoch ?? Int.min }
        let tags = pagesBySlug.map { slug, tagged in
            let name = spellings[slug]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            let sorted = tagged.sorted { a, b in (days[b.index], rank[a.index]) < (days[a.index], rank[b.index]) }
            return Tag(slug: slug, name: name, pages: sorted)
        }
        return (tags.sorted { $0.slug < $1.slug }, slugs)
    }
}

package extension CrossLinks {
    /// The address part of a tag: lower case, letters and digits of any script, words joined
    /// by hyphens. Empty when the tag has no letters or digits.
    static func tagSlug(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }
}
