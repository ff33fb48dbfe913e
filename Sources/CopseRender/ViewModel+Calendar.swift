import CopseCore

/// The iCalendar files of meetings (upcoming and past, never drafts), the sitemap and robots.txt.
/// Written only when `base_url` is set (see ``SiteAddress``).
extension ViewModel {
    /// Every meeting of every community.
    func hubCalendar(_ address: SiteAddress) -> String {
        let events = site.communities.flatMap { community in
            calendarMeetings(community).map { calendarEvent($0, community: community, address: address, namingCommunity: true) }
        }.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }
        return ICalendar(name: "\(site.config.title): meetings", events: events).text
    }

    /// Every meeting of one community, oldest first.
    func communityCalendar(_ position: Int, _ address: SiteAddress) -> String {
        let community = site.communities[position]
        let events = calendarMeetings(community).map {
            calendarEvent($0, community: community, address: address, namingCommunity: false)
        }
        return ICalendar(name: "\(community.title): meetings", events: events).text
    }

    /// One meeting alone, for the "add to my calendar" link on its page: the same event, with the
    /// same UID, as in the hub's calendar, so a reader who later subscribes gets no duplicate.
    func meetingCalendar(_ index: PageID, community position: Int, _ address: SiteAddress) -> String {
        let community = site.communities[position]
        let event = calendarEvent(index, community: community, address: address, namingCommunity: true)
        return ICalendar(name: event.summary, events: [event]).text
    }

    /// The meetings that go into calendars: dated, published (never a draft, nor a meeting of a
    /// draft community), in the community's order.
    func calendarMeetings(_ community: Community) -> [PageID] {
        community.meetings.filter { site.pages[$0].date != nil && isSyndicated(site.pages[$0]) }
    }

    /// The meeting's own calendar file, relative to `root`; nil when none is written (no
    /// `base_url`, a draft, or no date).
    func meetingCalendarURL(_ index: PageID, community: Community?, root: String) -> String? {
        let page = site.pages[index]
        guard address != nil, let community, page.community == community.id, page.kind == .meeting, page.date != nil,
              isSyndicated(page) else { return nil }
        return root + DiscoveryFiles.meetingCalendar(pageOutputPath: page.outputPath)
    }

    /// The published pages and generated pages in `outputs` (path, and page index for a Markdown
    /// page), with the day each last changed when known.
    func sitemap(_ outputs: [(path: String, page: PageID?)], _ address: SiteAddress) -> String {
        let today = site.today
        let entries = outputs.compactMap { output -> Sitemap.Entry? in
            guard let index = output.page else { return Sitemap.Entry(url: address.url(output.path)) }
            let page = site.pages[index]
            guard isSyndicated(page) else { return nil }
            let changed = [page.parsed.frontMatter.updated, page.date].compactMap { $0 }.filter { $0 <= today }.max()
            return Sitemap.Entry(url: address.url(output.path), lastModified: changed)
        }
        return Sitemap.xml(entries.sorted { $0.url < $1.url })
    }

    func robots(_ address: SiteAddress) -> String {
        Sitemap.robots(sitemapURL: address.url(DiscoveryFiles.sitemap))
    }

    /// A meeting's calendar UID: its community and file name at the host of `base_url`, so that
    /// it stays the same however the notes are edited.
    static func calendarUID(community: String, contentPath: String, host: String) -> String {
        // As bytes: every meeting is in three calendars, and this was a measurable part of a build.
        let name = PathBytes.lastPart(contentPath) ?? ""
        let stem = name.utf8.count >= 3 && name.utf8.suffix(3).elementsEqual(".md".utf8) ? name.dropLast(3) : name
        return community + "/" + stem + "@" + host
    }
}

private extension ViewModel {
    func calendarEvent(_ index: PageID, community: Community, address: SiteAddress, namingCommunity: Bool) -> ICalendar.Event {
        let page = site.pages[index]
        let front = page.parsed.frontMatter
        let day = page.date!
        return ICalendar.Event(
            uid: Self.calendarUID(community: community.id, contentPath: page.parsed.contentPath, host: address.host),
            stamp: front.updated ?? day, day: day, time: front.time,
            summary: namingCommunity ? "\(community.title): \(page.title)" : page.title,
            url: address.url(page.outputPath), location: front.location, description: front.summary)
    }
}
