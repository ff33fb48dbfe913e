import CopseCore

extension ViewModel {
    /// `page.hasBacklinks`, `page.backlinkLabel` and `page.backlinkGroups`: the pages that link
    /// here, the hub's first, then each community's under its name.
    func backlinks(_ pageIndex: Int, root: String) -> [String: Any] {
        let sources = site.crossLinks.backlinks[pageIndex]
        // Sources come sorted hub first, then by community: group runs of the same community.
        var groups: [[String: Any]] = []
        var start = 0
        while start < sources.count {
            let community = site.pages[sources[start]].community
            var end = start + 1
            while end < sources.count, site.pages[sources[end]].community == community { end += 1 }
            var group: [String: Any] = ["title": "Across the hub", "hasURL": false,
                                        "items": sources[start..<end].map { backlinkItem($0, root: root) }]
            if let community = community.flatMap({ communityIndex[$0] }).map({ site.communities[$0] }) {
                group["title"] = community.title
                group["url"] = root + community.outputPath
                group["hasURL"] = true
            }
            groups.append(group)
            start = end
        }
        return [
            "hasBacklinks": !sources.isEmpty,
            "backlinkLabel": "Referenced by " + Self.counted(sources.count, "page"),
            "backlinkGroups": groups,
        ]
    }

    func backlinkItem(_ index: Int, root: String) -> [String: Any] {
        let page = site.pages[index]
        // A founding document's label is often its title too ("Collaborative plan").
        let label = kindLabel(page)
        let showsLabel = label != page.title
        let date = page.date?.long
        // All keys in one literal: growing a dictionary key by key rehashes it several times.
        return [
            "title": page.title, "url": root + page.outputPath,
            "summary": page.parsed.frontMatter.summary ?? false as Any,
            "kindLabel": label, "hasKindLabel": showsLabel,
            "hasDate": date != nil, "date": date ?? false as Any, "dateISO": page.date?.iso ?? false as Any,
            "hasMeta": showsLabel || date != nil,
            "meta": [showsLabel ? label : nil, date].compactMap { $0 }.joined(separator: " · "),
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
            "hasKind": false,
        ]
        if let kind = page.parsed.frontMatter.kind, !CrossLinks.tagSlug(kind).isEmpty {
            dictionary["hasKind"] = true
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

    /// Where a tag's page is written: `tags/<slug>/index.html`.
    static func tagPath(_ slug: String) -> String { "tags/\(slug)/index.html" }

    /// `page.tags`: each tag with its page.
    func tagItems(_ page: SitePage, root: String) -> [[String: Any]] {
        var seen = Set<String>()
        return (page.parsed.frontMatter.tags ?? []).compactMap { name in
            let slug = site.crossLinks.slugs[name] ?? CrossLinks.tagSlug(name)
            guard !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            // A draft previewed with --drafts may carry a tag no published page has.
            guard tagSlugs.contains(slug) else { return ["name": name, "linked": false] }
            return ["name": name, "url": root + Self.tagPath(slug), "linked": true]
        }
    }
}
