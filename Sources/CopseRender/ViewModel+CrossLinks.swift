import CopseCore

extension ViewModel {
    /// The pages that link here, the hub's first, then each community's under its name.
    func backlinks(_ pageIndex: PageID, root: String) -> Backlinks {
        let sources = site.crossLinks.backlinks(of: pageIndex)
        // Sources come sorted hub first, then by community: group runs of the same community.
        var groups: [BacklinkGroup] = []
        var start = 0
        while start < sources.count {
            let community = site.pages[sources[start]].community
            var end = start + 1
            while end < sources.count, site.pages[sources[end]].community == community { end += 1 }
            var group = BacklinkGroup(title: "Across the hub", url: nil, items: sources[start..<end].map { backlinkItem($0, root: root) })
            if let community = self.community(community) {
                group.title = community.title
                group.url = root + community.outputPath
            }
            groups.append(group)
            start = end
        }
        return Backlinks(groups: groups, count: sources.count)
    }

    func backlinkItem(_ index: PageID, root: String) -> BacklinkItem {
        // Read in place: a SitePage copied out retains each of its parts, and a popular page has
        // hundreds of backlinks.
        BacklinkItem(title: site.pages[index].title, url: root + site.pages[index].outputPath,
                     summary: site.pages[index].parsed.frontMatter.summary, kindLabel: kindLabel(site.pages[index]),
                     date: site.pages[index].date)
    }

    /// The `resource` of a resource's page: where it comes from, its kind, and who uses it.
    func resourceInfo(_ pageIndex: PageID, root: String) -> ResourceInfo {
        let page = site.pages[pageIndex]
        var info = ResourceInfo(isHub: page.community == nil, usedBy: usedBy(pageIndex, root: root))
        if let kind = page.parsed.frontMatter.kind, !CrossLinks.tagSlug(kind).isEmpty {
            info.kind = kind
            info.kindURL = root + "resources/kind/\(CrossLinks.tagSlug(kind))/index.html"
        }
        return info
    }

    func usedBy(_ pageIndex: PageID, root: String) -> [TitleLink] {
        (site.crossLinks.usedBy[pageIndex] ?? []).compactMap { id in
            community(id).map { TitleLink(title: $0.title, url: root + $0.outputPath) }
        }
    }

    /// "Used by 2 communities"; a community's own resource counts the other communities.
    static func usedByLabel(_ count: Int, isHub: Bool) -> String {
        let other = isHub ? "" : "other "
        switch count {
        case 0: return isHub ? "Not linked from any community yet" : "Not used by another community yet"
        case 1: return "Used by 1 \(other)community"
        default: return "Used by \(count) \(other)communities"
        }
    }

    /// `meeting.resources`: the resources the meeting notes link to.
    func meetingResources(_ pageIndex: PageID, root: String) -> [LinkItem] {
        (site.crossLinks.meetingResources[pageIndex] ?? []).map { linkItem($0, root: root) }
    }

    /// Where a tag's page is written: `tags/<slug>/index.html`.
    static func tagPath(_ slug: String) -> String { "tags/\(slug)/index.html" }

    /// `page.tags`: each tag with its page.
    func tagItems(_ page: SitePage, root: String) -> [TagItem] {
        var seen = Set<String>()
        return (page.parsed.frontMatter.tags ?? []).compactMap { name in
            let slug = site.crossLinks.slugs[name] ?? CrossLinks.tagSlug(name)
            guard !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            // A draft previewed with --drafts may carry a tag no published page has.
            return TagItem(name: name, url: tagSlugs.contains(slug) ? root + Self.tagPath(slug) : nil)
        }
    }
}
