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
        var links = CrossLinks(backlinks: Array(repeating: [], count: site.pages.count))
        var communityOrder: [String: Int] = [:]
        for (position, community) in site.communities.enumerated() { communityOrder[community.id] = position }
        var users: [PageID: Set<String>] = [:]
        for source in site.pages.ids where !site.pages[source].isDraft {
            // Fields, not the page: a PlacedPage copied out retains each of its parts.
            let (kind, community) = (site.pages[source].kind, site.pages[source].community)
            let written = site.pages[source].parsed.markdown.links
            // Wiki links are numbered after ordinary ones; put them back in reading order.
            let order = written.indices.sorted { (written[$0].line, written[$0].column) < (written[$1].line, written[$1].column) }
            var seen = Set<PageID>()
            for position in order {
                guard let target = resolved[source.index][position].page, target != source, seen.insert(target).inserted else { continue }
                links.backlinks[target.index].append(source)
                guard site.pages[target].kind == .resource else { continue }
                if kind == .meeting { links.meetingResources[source, default: []].append(target) }
                if let community, community != site.pages[target].community {
                    users[target, default: []].insert(community)
                }
            }
        }
        // One sort of every page (hub first, then by community, then by title) ranks them all;
        // each backlink list then sorts by rank.
        let ranked = site.pages.ids.map { index in
            (site.pages[index].community.flatMap { communityOrder[$0].map { $0 + 1 } } ?? 0, site.pages[index].title.lowercased(),
             site.pages[index].outputPath, index)
        }.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var rank = Array(repeating: 0, count: site.pages.count)
        for (position, entry) in ranked.enumerated() { rank[entry.3.index] = position }
        for index in links.backlinks.indices where links.backlinks[index].count > 1 {
            links.backlinks[index].sort { rank[$0.index] < rank[$1.index] }
        }
        for (resource, communities) in users {
            links.usedBy[resource] = communities.sorted { (communityOrder[$0] ?? .max, $0) < (communityOrder[$1] ?? .max, $1) }
        }
        (links.tags, links.slugs) = tags(site, rank: rank)
        return links
    }
}

private extension CrossLinks {
    static func tags(_ site: IndexedSite, rank: [Int]) -> ([Tag], [String: String]) {
        var pagesBySlug: [String: [PageID]] = [:]
        var spellings: [String: [String: Int]] = [:]
        var slugs: [String: String] = [:]
        for index in site.pages.ids where !site.pages[index].isDraft {
            var seen = Set<String>()
            for name in site.pages[index].parsed.frontMatter.tags ?? [] {
                let slug = slugs[name] ?? tagSlug(name)
                slugs[name] = slug
                guard !slug.isEmpty, seen.insert(slug).inserted else { continue }
                pagesBySlug[slug, default: []].append(index)
                spellings[slug, default: [:]][name, default: 0] += 1
            }
        }
        let pages = site.pages
        let tags = pagesBySlug.map { slug, tagged in
            let name = spellings[slug]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            let days = { (index: PageID) in pages[index].date?.daysSinceEpoch ?? Int.min }
            let sorted = tagged.sorted { a, b in (days(b), rank[a.index]) < (days(a), rank[b.index]) }
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
