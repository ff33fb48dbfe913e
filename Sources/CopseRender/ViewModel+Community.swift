import CopseCore

extension ViewModel {
    /// What every page inside a community shows of it: name, home link, region, founding documents.
    /// `current` is the page being rendered, marked in `documents`.
    func communityHeader(_ community: Community, root: String, current: PageID? = nil) -> CommunityHeader {
        let profile = community.profile.map { site.pages[$0].parsed.frontMatter } ?? FrontMatter()
        let documents = community.documents.map { index in
            let page = site.pages[index]
            return DocumentLink(title: page.title, label: page.founding?.label ?? page.title, url: root + page.outputPath,
                                current: index == current)
        }
        return CommunityHeader(
            title: community.title, url: root + community.outputPath, documents: documents,
            meetingCount: community.meetings.count, resourceCount: community.resources.count,
            region: profile.region, meets: profile.meets, purpose: profile.purpose,
            leaders: (profile.leaders ?? []).map(NameItem.init), nextMeeting: nextMeeting(community).map { meetingItem($0, root: root) },
            follow: communityFollow(community, root: root))
    }

    /// The community home: the header plus its meetings, resources, checklist and evidence.
    func communityHome(_ community: Community, root: String) -> CommunityHome {
        let upcoming = community.meetings.filter { isUpcoming(site.pages[$0]) }
        let past = community.meetings.filter { !isUpcoming(site.pages[$0]) }.reversed()
        let written = site.foundingDocuments(of: community)
        return CommunityHome(
            header: communityHeader(community, root: root),
            upcomingMeetings: upcoming.map { meetingItem($0, root: root) },
            pastMeetings: past.map { meetingItem($0, root: root) },
            resources: community.resources.map { linkItem($0, root: root) },
            checklist: documentChecklist(written, root: root),
            otherDocuments: otherDocuments(community).map { linkItem($0, root: root) },
            evidence: currentEvidence(community, root: root))
    }

    /// The community's pages that are not founding documents, nor the community home, nor (when
    /// the hub collects evidence, which the home lists) pages that carry evidence.
    func otherDocuments(_ community: Community) -> [PageID] {
        let collecting = evidence.current != nil
        return community.documents.filter { index in
            let page = site.pages[index]
            return page.founding == nil && !(collecting && page.parsed.frontMatter.evidence != nil)
        }
    }

    /// The founding documents before and after `index` in the community's order (see
    /// ``CommunityHeader/documents``); nil for a page that is not one of them.
    func documentNeighbours(_ index: PageID, in community: Community, root: String) -> DocumentPager? {
        let documents = community.documents.filter { site.pages[$0].founding != nil }
        guard let position = documents.firstIndex(of: index) else { return nil }
        return DocumentPager(previous: position > 0 ? linkItem(documents[position - 1], root: root) : nil,
                             next: position + 1 < documents.count ? linkItem(documents[position + 1], root: root) : nil)
    }

    /// Every community's upcoming meetings, soonest first; on one day, by start time (a meeting
    /// without a time first), then by community.
    func hubUpcomingMeetings() -> [PageID] {
        let upcoming = site.communities.flatMap { $0.meetings.filter { isUpcoming(site.pages[$0]) } }
        return upcoming.sorted { a, b in
            let (first, second) = (site.pages[a], site.pages[b])
            if first.date != second.date { return (first.date ?? site.today) < (second.date ?? site.today) }
            let times = (first.parsed.frontMatter.time?.label ?? "", second.parsed.frontMatter.time?.label ?? "")
            if times.0 != times.1 { return times.0 < times.1 }
            return (first.community ?? "", a.index) < (second.community ?? "", b.index)
        }
    }

    /// Every founding document in template order, written (linked) or not yet.
    func documentChecklist(_ written: [FoundingDocument: PageID], root: String) -> [ChecklistItem] {
        FoundingDocument.allCases.map { document in
            ChecklistItem(label: document.label, url: written[document].map { root + site.pages[$0].outputPath },
                          part: FoundingDocument.planningParts.firstIndex(of: document).map { $0 + 1 })
        }
    }

    /// The community's evidence for the conference being collected for now; nil when the hub
    /// has no conferences.
    func currentEvidence(_ community: Community, root: String) -> CommunityEvidence? {
        guard let conference = evidence.current else { return nil }
        let items = (conference.groups.first { $0.community == community.id }?.items ?? []).map { evidenceItem($0, root: root) }
        return CommunityEvidence(conference: conferenceSummary(conference, root: root),
                                 communityURL: communityEvidenceURL(conference.conference.id, community: community.id, root: root),
                                 items: items)
    }

    func nextMeeting(_ community: Community) -> PageID? {
        community.meetings.first { isUpcoming(site.pages[$0]) }
    }

    /// `withCommunity` names the community that meets, for lists of several communities' meetings.
    func meetingItem(_ index: PageID, root: String, withCommunity: Bool = false) -> MeetingItem {
        let page = site.pages[index]
        let front = page.parsed.frontMatter
        let community = withCommunity ? page.community.flatMap { id in communityIndex[id].map { site.communities[$0] } } : nil
        return MeetingItem(title: page.title, url: root + page.outputPath, date: page.date, summary: front.summary,
                           upcoming: isUpcoming(page), time: front.time?.label, location: front.location,
                           community: community.map { TitleLink(title: $0.title, url: root + $0.outputPath) })
    }

    func linkItem(_ index: PageID, root: String) -> LinkItem {
        // Read in place, as ``backlinkItem(_:root:)`` reads.
        LinkItem(title: site.pages[index].title, url: root + site.pages[index].outputPath,
                 summary: site.pages[index].parsed.frontMatter.summary)
    }

    func meetingInfo(_ index: PageID, community: Community?, root: String) -> MeetingInfo {
        let page = site.pages[index]
        let front = page.parsed.frontMatter
        var info = MeetingInfo(upcoming: isUpcoming(page), attendees: [], location: front.location, time: front.time?.label,
                               resources: meetingResources(index, root: root))
        switch front.attendees {
        case .count(let count)?: info.attendeeCount = count
        case .names(let list)?: info.attendeeCount = list.count; info.attendees = list.map(NameItem.init)
        case nil: break
        }
        info.calendarURL = meetingCalendarURL(index, community: community, root: root)
        if let meetings = community?.meetings, let position = meetings.firstIndex(of: index) {
            if position > 0 { info.previous = meetingItem(meetings[position - 1], root: root) }
            if position + 1 < meetings.count { info.next = meetingItem(meetings[position + 1], root: root) }
        }
        return info
    }
}
