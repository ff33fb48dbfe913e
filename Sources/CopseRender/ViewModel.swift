import CopseCore
import CopseMarkdown

/// Builds the Mustache context of every page (see docs/theme-context.md). Every URL in a
/// context is relative to the page it is rendered into, so the site works from any folder.
struct ViewModel: Sendable {
    let site: Site
    /// Community id to its index in `site.communities`.
    let communityIndex: [String: Int]
    /// Slugs of the tags that have a page.
    let tagSlugs: Set<String>
    let commons: Commons
    /// Evidence by conference and community.
    let evidence: HubEvidence
    /// "Edit this page" addresses, when `copse.yml` names the repository.
    let editLink: EditLink?
    /// Public addresses, when `base_url` is set: then feeds, calendars and the sitemap are written.
    let address: SiteAddress?
    /// The hub's and each community's feed and calendar (see ``subscriptions(_:address:)``).
    let subscriptions: (hub: SiteAddress.Subscription?, communities: [SiteAddress.Subscription?])

    init(site: Site) {
        self.site = site
        editLink = site.config.repository.map { EditLink(repository: $0, branch: site.config.branch) }
        commons = Commons(site: site)
        evidence = HubEvidence(site: site)
        address = SiteAddress(baseURL: site.config.baseURL)
        subscriptions = Self.subscriptions(site, address: address)
        tagSlugs = Set(site.crossLinks.tags.map(\.slug))
        var index: [String: Int] = [:]
        for (position, community) in site.communities.enumerated() { index[community.id] = position }
        communityIndex = index
    }

    /// The primary navigation: label and path from the site root.
    static let navigation = [("Home", "index.html"), ("Resources", "resources/index.html"), ("Tags", "tags/index.html"),
                             ("Evidence", evidenceIndexPath)]

    /// `../../` for `communities/x/index.html`.
    static func root(for outputPath: String) -> String {
        String(repeating: "../", count: outputPath.reduce(0) { $1 == "/" ? $0 + 1 : $0 })
    }

    /// The keys every page has. `page` is the page's own dictionary (see ``pageDictionary(_:root:)``
    /// and ``generatedPage(title:kind:kindLabel:)``).
    func base(outputPath: String, page: [String: Any], breadcrumbs: [(String, String)],
              current: String? = nil) -> [String: Any] {
        let root = Self.root(for: outputPath)
        var site: [String: Any] = [
            "title": self.site.config.title,
            "language": self.site.config.language,
            "homeURL": root + "index.html",
            "resourcesURL": root + "resources/index.html",
            "tagsURL": root + "tags/index.html",
            "evidenceURL": root + Self.evidenceIndexPath,
            "healthURL": root + Self.healthPath,
            "searchURL": root + Self.searchPath,
        ]
        site["description"] = self.site.config.description
        site["follow"] = hubFollow(root: root)
        let nav: [[String: Any]] = Self.navigation.map { label, path in
            ["label": label, "url": root + path, "current": path == current]
        }
        return [
            "root": root,
            "site": site,
            "nav": nav,
            "breadcrumbs": breadcrumbs.map { ["label": $0.0, "url": root + $0.1] },
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
            "page": page,
        ]
    }

    /// The page dictionary of a page copse makes itself (no Markdown source).
    static func generatedPage(title: String, kind: String, kindLabel: String) -> [String: Any] {
        ["title": title, "kind": kind, "kindLabel": kindLabel, "hasContent": false, "hasTags": false, "draft": false,
         "hasBacklinks": false, "hasDate": false, "hasUpdated": false].merging(noHistory) { $1 }
    }

    /// Context for a Markdown page.
    func context(for pageIndex: Int) -> [String: Any] {
        let page = site.pages[pageIndex]
        let root = Self.root(for: page.outputPath)
        var crumbs: [(String, String)] = page.kind == .home ? [] : [("Home", "index.html")]
        let community = page.community.flatMap { communityIndex[$0].map { site.communities[$0] } ?? site.community($0) }
        if let community, page.kind != .community { crumbs.append((community.title, community.outputPath)) }
        if page.community == nil, page.kind == .resource { crumbs.append(("Resources", "resources/index.html")) }
        var dictionary = pageDictionary(page, root: root)
        dictionary.merge(backlinks(pageIndex, root: root)) { $1 }
        var context = base(outputPath: page.outputPath, page: dictionary, breadcrumbs: crumbs,
                           current: page.kind == .home ? "index.html" : nil)
        if let community {
            context["community"] = page.kind == .community
                ? communityDictionary(community, root: root)
                : communityHeader(community, root: root)
        }
        switch page.kind {
        case .home: context.merge(homeLists(root: root)) { $1 }
        case .meeting: context["meeting"] = meetingDictionary(pageIndex, community: community, root: root)
        case .resource: context["resource"] = resourceDictionary(pageIndex, root: root)
        case .community, .document: break
        }
        return context
    }
}

extension ViewModel {
    func kindLabel(_ page: SitePage) -> String {
        switch page.kind {
        case .home: "Home"
        case .community: "Community"
        case .document: page.founding?.label ?? "Page"
        case .meeting: isUpcoming(page) ? "Upcoming meeting" : "Meeting notes"
        case .resource: page.community == nil ? "Shared resource" : "Resource"
        }
    }

    func isUpcoming(_ page: SitePage) -> Bool {
        guard let date = page.date else { return false }
        return date >= site.today
    }

    func pageDictionary(_ page: SitePage, root: String) -> [String: Any] {
        let front = page.parsed.frontMatter
        let tags = tagItems(page, root: root)
        let html = contentHTML(page, root: root)
        var dictionary: [String: Any] = [
            "title": page.title,
            "kind": page.kind.rawValue,
            "kindLabel": kindLabel(page),
            "content": html,
            "hasContent": !html.isEmpty,
            "tags": tags,
            "hasTags": !tags.isEmpty,
            "draft": page.isDraft,
            "extra": Self.dictionary(page.parsed.extra),
        ]
        dictionary["summary"] = front.summary
        dictionary["date"] = page.date?.long
        dictionary["dateISO"] = page.date?.iso
        dictionary["hasDate"] = page.date != nil
        dictionary["hasUpdated"] = front.updated != nil
        dictionary["updated"] = front.updated?.long
        dictionary["updatedISO"] = front.updated?.iso
        dictionary.merge(historyKeys(page)) { $1 }
        return dictionary
    }

    /// The page's rendered Markdown with every link filled in, relative to `root`.
    func contentHTML(_ page: SitePage, root: String) -> String {
        let markdown = page.parsed.markdown
        let broken = Set(page.resolvedLinks.indices.filter { page.resolvedLinks[$0].isBroken })
        let html = broken.isEmpty ? markdown.html
            : LinkPlaceholder.unlink(markdown.html, tag: markdown.placeholderTag, broken: broken, title: Self.brokenLinkTitle)
        return LinkPlaceholder.substitute(in: html, tag: markdown.placeholderTag,
                                          urls: page.resolvedLinks.map { $0.url(root: root) },
                                          texts: page.resolvedLinks.map(\.title))
    }

    /// What a reader is told about a broken link published as text: nothing about where it
    /// pointed, which may be a page that is not published.
    static let brokenLinkTitle = "Broken link: what it points to is not on this site yet"

    /// "1 meeting", "12 meetings": Mustache cannot choose singular or plural itself.
    static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        Plural.counted(count, noun, plural: plural)
    }

    static func dictionary(_ entries: [YAMLValue.MapEntry]) -> [String: Any] {
        var dictionary: [String: Any] = [:]
        for entry in entries { dictionary[entry.key] = any(entry.value) }
        return dictionary
    }

    static func any(_ value: YAMLValue) -> Any {
        switch value {
        case .null: return Optional<String>.none as Any
        case .bool(let bool): return bool
        case .int(let int): return int
        case .double(let double): return double
        case .string(let string): return string
        case .list(let items): return items.map(any)
        case .map(let entries): return dictionary(entries)
        }
    }
}
