import CopseCore

extension ViewModel {
    /// `page.hasBacklinks`, `page.backlinkLabel` and `page.backlinkGroups`: the pages that link
    /// here, the hub's first, then each community's under its name.
    func backlinks(_ pageIndex: Int, root: String) -> [String: Any] {
        let sources = site.crossLinks.backlinks[pageIndex]
        var groups: [[String: Any]] = []
        var current: String??
        for source in sources {
            let page = site.pages[source]
            if current != .some(page.community) {
                current = .some(page.community)
                var group: [String: Any] = ["items": [[String: Any]]()]
                if let community = page.community.flatMap({ communityIndex[$0] }).map({ site.communities[$0] }) {
                    group["title"] = community.title
                    group["url"] = root + community.outputPath
                } else {
                    group["title"] = "Across the hub"
                }
                groups.append(group)
            }
            var item = linkItem(source, root: root)
            // A founding document's label is often its title too ("Collaborative plan").
            let label = kindLabel(page)
            item["kindLabel"] = label == page.title ? nil : label
            item["date"] = page.date?.long
            item["dateISO"] = page.date?.iso
            item["meta"] = [label == page.title ? nil : label, page.date?.long].compactMap { $0 }.joined(separator: " · ")
            var items = groups[groups.count - 1]["items"] as? [[String: Any]] ?? []
            items.append(item)
            groups[groups.count - 1]["items"] = items
        }
        return [
            "hasBacklinks": !sources.isEmpty,
            "backlinkLabel": "Referenced by " + Self.counted(sources.count, "page"),
            "backlinkGroups": groups,
        ]
    }

    /// The `resource` dictionary: where it comes from, its kind, and who uses it.
    func resourceDictionary(_ pageIndex: Int, root: String) -> [String: Any] {
        let page = site.pages[pageIndex]
        let users = usedBy(pageIndex, root: root)
        var dictionary: [String: Any] = [
            "scope": page.community == nil ? "hub" : "community",
            "isHub": page.community == nil,
            "usedBy": users,
            "hasUsedBy": !users.isEmpty,
            "usedByCount": users.count,
            "usedByLabel": Self.usedByLabel(users.count, isHub: page.community == nil),
        ]
        if let kind = page.parsed.frontMatter.kind, !CrossLinks.tagSlug(kind).isEmpty {
            dictionary["kind"] = kind
            dictionary["kindURL"] = root + "resources/kind/\(CrossLinks.tagSlug(kind))/index.html"
        }
        return dictionary
    }

    func usedBy(_ pageIndex: Int, root: String) -> [[String: Any]] {
        (site.crossLinks.usedBy[pageIndex] ?? []).compactMap { id in
            communityIndex[id].map { site.communities[$0] }.map { ["title": $0.title, "url": root + $0.outputPath] }
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
    func meetingResources(_ pageIndex: Int, root: String) -> [[String: Any]] {
        (site.crossLinks.meetingResources[pageIndex] ?? []).map { linkItem($0, root: root) }
    }

    /// `page.tags`: each tag with its page.
    func tagItems(_ page: SitePage, root: String) -> [[String: Any]] {
        var seen = Set<String>()
        return (page.parsed.frontMatter.tags ?? []).compactMap { name in
            let slug = CrossLinks.tagSlug(name)
            guard !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            // A draft previewed with --drafts may carry a tag no published page has.
            guard tagSlugs.contains(slug) else { return ["name": name] }
            return ["name": name, "url": root + "tags/\(slug)/index.html"]
        }
    }
}
