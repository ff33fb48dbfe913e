import CopseCore

/// The Atom feeds of meeting notes: one per community with all its notes, one for the hub with
/// the latest ``hubFeedLimit``. Written only when `base_url` is set (see ``SiteAddress``).
extension ViewModel {
    /// How many entries the hub's feed keeps.
    static let hubFeedLimit = 50

    /// The hub's feed: the latest meeting notes of every community.
    func hubFeed(_ address: SiteAddress) -> String {
        let meetings = Array(feedMeetings(site.communities.flatMap(\.meetings)).prefix(Self.hubFeedLimit))
        let title = site.config.title
        let feed = AtomFeed(
            title: "\(title): meeting notes",
            subtitle: "The latest meeting notes from the communities of \(title), newest first.",
            url: address.url(DiscoveryFiles.feed), alternateURL: address.url("index.html"),
            authorName: title, authorURL: address.base, language: site.config.language,
            entries: meetings.map { feedEntry($0, address: address, namingCommunity: true) },
            updated: feedUpdated(meetings, otherwise: site.pages.ids))
        return feed.xml
    }

    /// A community's feed: all its meeting notes.
    func communityFeed(_ position: Int, _ address: SiteAddress) -> String {
        let community = site.communities[position]
        let meetings = feedMeetings(community.meetings)
        let purpose = community.profile.flatMap { site.pages[$0].parsed.frontMatter.purpose }
        let feed = AtomFeed(
            title: "\(community.title): meeting notes",
            subtitle: purpose ?? "Meeting notes of \(community.title), a community of \(site.config.title).",
            url: address.url(DiscoveryFiles.communityFeed(community.id)), alternateURL: address.url(community.outputPath),
            authorName: site.config.title, authorURL: address.base, language: site.config.language,
            entries: meetings.map { feedEntry($0, address: address, namingCommunity: false) },
            updated: feedUpdated(meetings, otherwise: (community.profile.map { [$0] } ?? [])
                + community.documents + community.meetings + community.resources))
        return feed.xml
    }

    /// Whether a page may appear in feeds, calendars and the sitemap: never a draft, nor a page of
    /// a community whose `community.md` is a draft (both are built only for a `--drafts` preview).
    func isSyndicated(_ page: SitePage) -> Bool {
        guard !page.isDraft else { return false }
        guard let id = page.community, let position = communityIndex[id],
              let profile = site.communities[position].profile else { return true }
        return !site.pages[profile].isDraft
    }

    /// `community.follow`: the community's feed and calendar; nil without `base_url`.
    func communityFollow(_ community: Community, root: String) -> FollowInfo? {
        communityIndex[community.id].flatMap { subscriptions.communities[$0] }.map { FollowInfo(subscription: $0, root: root) }
    }

    /// The feeds and calendars of the hub and of each community (in the site's order), or none
    /// without `base_url`.
    static func subscriptions(_ site: Site, address: SiteAddress?) -> (hub: SiteAddress.Subscription?,
                                                                        communities: [SiteAddress.Subscription?]) {
        guard let address else { return (nil, site.communities.map { _ in nil }) }
        let hub = SiteAddress.Subscription(address, feed: DiscoveryFiles.feed, calendar: DiscoveryFiles.calendar,
                                           title: "\(site.config.title): meeting notes")
        return (hub, site.communities.map {
            SiteAddress.Subscription(address, feed: DiscoveryFiles.communityFeed($0.id),
                                     calendar: DiscoveryFiles.communityCalendar($0.id), title: "\($0.title): meeting notes")
        })
    }
}

private extension ViewModel {
    /// Published meetings dated today or earlier, newest first.
    func feedMeetings(_ meetings: [PageID]) -> [PageID] {
        let today = site.today
        return meetings.filter { index in
            let page = site.pages[index]
            return page.date.map { $0 <= today } == true && isSyndicated(page)
        }.sorted { a, b in
            (site.pages[b].date!, site.pages[a].outputPath) < (site.pages[a].date!, site.pages[b].outputPath)
        }
    }

    func feedEntry(_ index: PageID, address: SiteAddress, namingCommunity: Bool) -> AtomFeed.Entry {
        let page = site.pages[index]
        let front = page.parsed.frontMatter
        let date = page.date!
        let url = address.url(page.outputPath)
        var title = page.title
        if namingCommunity, let community = page.community.flatMap({ communityIndex[$0] }) {
            title = "\(site.communities[community].title): \(title)"
        }
        var seen = Set<String>()
        let categories = (front.tags ?? []).compactMap { name -> (term: String, label: String)? in
            let slug = site.crossLinks.slugs[name] ?? CrossLinks.tagSlug(name)
            return !slug.isEmpty && seen.insert(slug).inserted ? (slug, name) : nil
        }
        let html = HTMLEmbedding.absoluteFragments(contentHTML(page, root: address.base), pageURL: url)
        return AtomFeed.Entry(title: title, url: url, published: date, updated: max(date, front.updated ?? date),
                              summary: front.summary, categories: categories, contentHTML: html)
    }

    /// The newest entry's `updated`; without entries, the newest date (or `updated:`) on or before
    /// today of the published pages in `others`; without those, 1 January 2000. Never the clock.
    func feedUpdated(_ meetings: [PageID], otherwise others: some Sequence<PageID>) -> Day {
        if !meetings.isEmpty {
            return meetings.map { feedEntryUpdated(site.pages[$0]) }.max()!
        }
        let today = site.today
        let known = others.lazy.map { self.site.pages[$0] }.filter(isSyndicated).flatMap { page in
            [page.date, page.parsed.frontMatter.updated].compactMap { $0 }.filter { $0 <= today }
        }
        return known.max() ?? Self.feedEpoch
    }

    func feedEntryUpdated(_ page: SitePage) -> Day {
        let date = page.date!
        return max(date, page.parsed.frontMatter.updated ?? date)
    }

    static let feedEpoch = Day(year: 2000, month: 1, day: 1)!
}
