import CopseCore
import CopseMarkdown
import CopseTemplate

/// Builds the template context of every page (see docs/theme-context.md). Every URL in a
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
    /// Each evidence-carrying page's position among its conference's items (its entry, `#item-N`,
    /// on the conference page is N = position + 1).
    let evidenceEntries: [PageID: (position: Int, item: EvidenceItem)]
    /// "Edit this page" addresses, when `copse.yml` names the repository.
    let editLink: EditLink?
    /// Public addresses, when `base_url` is set: then feeds, calendars and the sitemap are written.
    let address: SiteAddress?
    /// The hub's and each community's feed and calendar (see ``subscriptions(_:address:)``).
    let subscriptions: (hub: SiteAddress.Subscription?, communities: [SiteAddress.Subscription?])
    /// Where the pages whose text this model reads are recorded, when an incremental build asks
    /// (see ``BodyReads``).
    var reads: BodyReads?
    /// The search index's chunks kept from the last build of this process (`copse serve`).
    var searchChunks: SearchChunks?
    /// The layout's `site` at each of the usual depths (``roots``), made once.
    let siteInfos: [Prebuilt<SiteInfo>]
    /// The layout's `nav` at each of the usual depths, for each section marked current and none.
    let navigations: [[PrebuiltList<NavItem>]]

    init(site: Site) {
        self.site = site
        editLink = site.config.repository.map { EditLink(repository: $0, branch: site.config.branch) }
        commons = Commons(site: site)
        evidence = HubEvidence(site: site)
        var entries: [PageID: (position: Int, item: EvidenceItem)] = [:]
        for conference in evidence.conferences {
            for (position, item) in conference.items.enumerated() { entries[item.page] = (position, item) }
        }
        evidenceEntries = entries
        address = SiteAddress(baseURL: site.config.baseURL)
        subscriptions = Self.subscriptions(site, address: address)
        siteInfos = Self.roots.map { [subscriptions] root in Self.siteInfo(site, root: root, follow: subscriptions.hub) }
        navigations = Self.roots.map { root in (0...Self.navigation.count).map { Self.navigation(root: root, section: $0) } }
        tagSlugs = Set(site.crossLinks.tags.map(\.slug))
        var index: [String: Int] = [:]
        for (position, community) in site.communities.enumerated() { index[community.id] = position }
        communityIndex = index
    }

    /// The model of `site`, which differs from this one's only in pages' text (see
    /// ``CopseCore/Site/replacing(text:)``): what is worked out from the rest is kept.
    func replacing(site: Site) -> ViewModel {
        ViewModel(self, site: site)
    }

    private init(_ model: ViewModel, site: Site) {
        self.site = site
        communityIndex = model.communityIndex
        tagSlugs = model.tagSlugs
        commons = model.commons
        evidence = model.evidence
        evidenceEntries = model.evidenceEntries
        editLink = model.editLink
        address = model.address
        subscriptions = model.subscriptions
        searchChunks = model.searchChunks
        siteInfos = model.siteInfos
        navigations = model.navigations
    }

    /// The primary navigation: label and path from the site root.
    static let navigation = [("Home", "index.html"), ("Communities", communitiesPath), ("Resources", "resources/index.html"), ("Tags", "tags/index.html"),
                             ("Evidence", evidenceIndexPath)]

    /// The directory of communities: a section of the home page (a hub may have its own
    /// `communities/index.html` from `content/communities/README.md`).
    static let communitiesPath = "index.html#all-communities"

    /// `../../` for `communities/x/index.html`.
    static func root(for outputPath: String) -> String {
        // Counted on the bytes: a `/` is never part of another character, and walking a String's
        // characters finds each one's boundaries first. The usual depths are made once.
        let depth = outputPath.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        return depth < roots.count ? roots[depth] : String(repeating: "../", count: depth)
    }

    static let roots = (0..<12).map { String(repeating: "../", count: $0) }

    /// The names every page has (see ``LayoutContext``). `root` is the way back to the site root:
    /// `../` per folder of `outputPath`, unless given (the not-found page's).
    func layout(outputPath: String, page: PageInfo, breadcrumbs: [(String, String)], current: String? = nil,
                root given: String? = nil) -> LayoutContext {
        // Where the page belongs, nearest first: the breadcrumbs after Home, reversed (a
        // community's home has none but Home, so its title is its own).
        let placement = breadcrumbs.dropFirst(breadcrumbs.first?.1 == "index.html" ? 1 : 0).map(\.0).reversed()
        let root = given ?? Self.root(for: outputPath)
        return LayoutContext(
            root: root, site: siteInfo(root: root),
            nav: navigation(root: root, current: current),
            breadcrumbs: breadcrumbs.map { Breadcrumb(label: $0.0, url: root + $0.1) },
            page: page, placement: Array(placement), address: address?.url(outputPath))
    }

    /// The layout's `site` for pages whose way back to the site root is `root`: made once for
    /// each of the usual depths when the model is made.
    func siteInfo(root: String) -> Prebuilt<SiteInfo> {
        guard let depth = Self.usualDepth(of: root) else { return Self.siteInfo(site, root: root, follow: subscriptions.hub) }
        return siteInfos[depth]
    }

    /// The primary navigation for pages whose way back to the site root is `root`, with the
    /// section `current` marked: made once for each of the usual depths and each section.
    func navigation(root: String, current: String?) -> PrebuiltList<NavItem> {
        let section = Self.navigation.firstIndex { $0.1 == current } ?? Self.navigation.count
        guard let depth = Self.usualDepth(of: root) else { return Self.navigation(root: root, section: section) }
        return navigations[depth][section]
    }

    /// The depth whose way back to the site root is `root`, when it is one of ``roots`` (the
    /// depths whose layout parts are made up front).
    static func usualDepth(of root: String) -> Int? {
        let depth = root.utf8.count / 3
        return depth < roots.count && roots[depth] == root ? depth : nil
    }

    /// `section`: the index in ``navigation`` of the current one; any other number marks none.
    static func navigation(root: String, section: Int) -> PrebuiltList<NavItem> {
        PrebuiltList(navigation.enumerated().map { index, item in NavItem(label: item.0, url: root + item.1, current: index == section) })
    }

    static func siteInfo(_ site: Site, root: String, follow: SiteAddress.Subscription?) -> Prebuilt<SiteInfo> {
        Prebuilt(SiteInfo(title: site.config.title, description: site.config.description, language: site.config.language,
                          root: root, follow: follow.map { FollowInfo(subscription: $0, root: root) }))
    }

    /// The `page` of a page copse makes itself (no Markdown source).
    static func generatedPage(title: String, kind: String, kindLabel: String) -> PageInfo {
        PageInfo(title: title, kind: kind, kindLabel: kindLabel)
    }

    /// The context of a Markdown page, for the template named after its kind.
    func context(for pageIndex: PageID) -> TemplateValue {
        let page = site.pages[pageIndex]
        let root = Self.root(for: page.outputPath)
        var crumbs: [(String, String)] = page.kind == .home ? [] : [("Home", "index.html")]
        let community = page.community.flatMap { communityIndex[$0].map { site.communities[$0] } ?? site.community($0) }
        if let community, page.kind != .community { crumbs.append((community.title, community.outputPath)) }
        if page.community == nil, page.kind == .resource { crumbs.append(("Resources", "resources/index.html")) }
        var info = pageInfo(page, root: root)
        info.backlinks = backlinks(pageIndex, root: root)
        let layout = layout(outputPath: page.outputPath, page: info, breadcrumbs: crumbs,
                            current: page.kind == .home ? "index.html" : nil)
        let header = community.map { communityHeader($0, root: root, current: pageIndex) }
        let evidence = pageEvidence(pageIndex, root: root)
        switch page.kind {
        case .home:
            return homeContext(layout, root: root).templateValue
        case .community:
            guard let community else { return DocumentContext(layout: layout, community: nil, evidence: evidence, documents: nil).templateValue }
            return CommunityContext(layout: layout, community: communityHome(community, root: root)).templateValue
        case .document:
            return DocumentContext(layout: layout, community: header, evidence: evidence,
                                   documents: community.flatMap { documentNeighbours(pageIndex, in: $0, root: root) }).templateValue
        case .meeting:
            return MeetingContext(layout: layout, community: header,
                                  meeting: meetingInfo(pageIndex, community: community, root: root), evidence: evidence).templateValue
        case .resource:
            return ResourceContext(layout: layout, community: header, resource: resourceInfo(pageIndex, root: root),
                                   evidence: evidence).templateValue
        }
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

    func pageInfo(_ page: SitePage, root: String) -> PageInfo {
        let front = page.parsed.frontMatter
        let headings = page.parsed.markdown.headings
        let content = HeadingLinks.decorate(contentHTML(page, root: root), headings: headings)
        return PageInfo(title: page.title, kind: page.kind.rawValue, kindLabel: kindLabel(page), summary: front.summary,
                        content: content.html, firstHeading: content.firstHeading, contents: HeadingLinks.contents(headings),
                        tags: tagItems(page, root: root), draft: page.isDraft,
                        extra: page.parsed.extra, date: page.date, updated: front.updated, history: history(page))
    }

    /// The page's rendered Markdown with every link filled in, relative to `root`.
    func contentHTML(_ page: SitePage, root: String) -> String {
        reads?.add(page.parsed.source)
        let markdown = page.parsed.markdown
        let broken = Set(page.resolvedLinks.indices.filter { page.resolvedLinks[$0].isBroken })
        let html = broken.isEmpty ? markdown.html
            : LinkPlaceholder.unlink(markdown.html, tag: markdown.placeholderTag, broken: broken, title: Self.brokenLinkTitle)
        return LinkPlaceholder.substitute(in: html, tag: markdown.placeholderTag,
                                          urls: page.resolvedLinks.map { $0.url(root: root) },
                                          texts: page.resolvedLinks.map(\.title))
    }

    /// What ``contentHTML(_:root:)`` makes the page's HTML from (a read of its text, recorded as
    /// that records it): its Markdown, named by its identity when the parse cache gave it one (as
    /// ``textParts(_:)`` names it), and each link's address from `root`, text and whether it is
    /// broken. Equal for equal HTML, and made without reading HTML kept out of memory.
    func contentKey(_ page: SitePage, root: String) -> [String] {
        reads?.add(page.parsed.source)
        let markdown = page.parsed.markdown
        var key = [markdown.body.identity.map { "\u{1}" + $0.text } ?? markdown.body.value, markdown.placeholderTag]
        key.reserveCapacity(2 + 2 * page.resolvedLinks.count)
        for link in page.resolvedLinks {
            key.append((link.isBroken ? "\u{1}" : "\u{0}") + link.url(root: root))
            key.append(link.title)
        }
        return key
    }

    /// Whether the page has any text (a read of its text, recorded as ``contentHTML(_:root:)``
    /// records it): its HTML's length, which a page whose HTML is stored knows without reading it.
    func hasText(_ page: SitePage) -> Bool {
        reads?.add(page.parsed.source)
        return !page.parsed.markdown.body.isEmpty
    }

    /// What the page's text is made from (a read of its text, like ``contentHTML(_:root:)``): its
    /// source, its rendered Markdown and its summary. Cheap to compare with an earlier build's
    /// while the strings are the same ones. The Markdown is named by its identity when the parse
    /// cache gave it one (``PageHTML/identity``), so that HTML kept out of memory is not read back.
    func textParts(_ id: PageID) -> [String] {
        // Read in place: a SitePage copied out retains each of its parts.
        let body = site.pages[id].parsed.markdown.body
        let source = site.pages[id].parsed.source
        reads?.add(source)
        return [source, body.identity.map { "\u{1}" + $0.text } ?? body.value, site.pages[id].parsed.frontMatter.summary ?? "\u{0}"]
    }

    /// What a reader is told about a broken link published as text: nothing about where it
    /// pointed, which may be a page that is not published.
    static let brokenLinkTitle = "Broken link: what it points to is not on this site yet"

    /// "1 meeting", "12 meetings": Mustache cannot choose singular or plural itself.
    static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        Plural.counted(count, noun, plural: plural)
    }
}
