import CopseCore

extension ViewModel {
    /// What every page inside a community needs: name, home link, region, founding documents.
    func communityHeader(_ community: Community, root: String) -> [String: Any] {
        let profile = community.profile.map { site.pages[$0].parsed.frontMatter } ?? FrontMatter()
        let documents: [[String: Any]] = community.documents.map { index in
            let page = site.pages[index]
            return ["title": page.title, "label": page.founding?.label ?? page.title, "url": root + page.outputPath]
        }
        var dictionary: [String: Any] = [
            "title": community.title,
            "url": root + community.outputPath,
            "documents": documents,
            "hasDocuments": !documents.isEmpty,
            "meetingCount": community.meetings.count,
            "meetingCountLabel": Self.counted(community.meetings.count, "meeting"),
            "resourceCount": community.resources.count,
            "resourceCountLabel": Self.counted(community.resources.count, "resource"),
        ]
        dictionary["region"] = profile.region
        dictionary["meets"] = profile.meets
        dictionary["purpose"] = profile.purpose
        let leaders = (profile.leaders ?? []).map { ["name": $0] }
        dictionary["leaders"] = leaders
        dictionary["hasLeaders"] = !leaders.isEmpty
        dictionary["nextMeeting"] = nextMeeting(community).map { meetingItem($0, root: root) }
        dictionary["follow"] = communityFollow(community, root: root)
        return dictionary
    }

    /// The community home: the header plus its meetings and resources.
    func communityDictionary(_ community: Community, root: String) -> [String: Any] {
        var dictionary = communityHeader(community, root: root)
        let upcoming = community.meetings.filter { isUpcoming(site.pages[$0]) }
        let past = community.meetings.filter { !isUpcoming(site.pages[$0]) }.reversed()
        dictionary["upcomingMeetings"] = upcoming.map { meetingItem($0, root: root) }
        dictionary["pastMeetings"] = past.map { meetingItem($0, root: root) }
        dictionary["hasUpcoming"] = !upcoming.isEmpty
        dictionary["hasPast"] = !past.isEmpty
        dictionary["resources"] = community.resources.map { linkItem($0, root: root) }
        dictionary["hasResources"] = !community.resources.isEmpty
        dictionary.merge(foundingChecklist(community, root: root)) { $1 }
        dictionary["evidence"] = currentEvidence(community, root: root)
        return dictionary
    }

    /// Every founding document, written (linked) or not yet, and the community's other pages.
    func foundingChecklist(_ community: Community, root: String) -> [String: Any] {
        let written = site.foundingDocuments(of: community)
        let others = community.documents.filter { site.pages[$0].founding == nil }.map { linkItem($0, root: root) }
        return ["checklist": documentChecklist(written, root: root),
                "checklistLabel": "\(written.count) of \(FoundingDocument.allCases.count) written",
                "otherDocuments": others, "hasOtherDocuments": !others.isEmpty]
    }

    /// Every founding document in template order: `{label, done, url, part}`, `url` false when
    /// not written, `part` the planning-template part number (false for the charter).
    func documentChecklist(_ written: [FoundingDocument: Int], root: String) -> [[String: Any]] {
        FoundingDocument.allCases.map { document in
            let page = written[document]
            return ["label": document.label, "done": page != nil, "url": page.map { root + site.pages[$0].outputPath } ?? false,
                    "part": FoundingDocument.planningParts.firstIndex(of: document).map { $0 + 1 } ?? false]
        }
    }

    /// The community's evidence for the conference being collected for now; false when the hub
    /// has no conferences.
    func currentEvidence(_ community: Community, root: String) -> Any {
        guard let position = evidence.currentIndex else { return false }
        let conference = evidence.conferences[position]
        let items = (conference.groups.first { $0.community == community.id }?.items ?? []).map { evidenceItem($0, root: root) }
        var dictionary = conferenceSummary(position, root: root)
        dictionary["communityURL"] = communityEvidenceURL(conference.conference.id, community: community.id, root: root)
        dictionary["items"] = items
        dictionary["hasItems"] = !items.isEmpty
        dictionary["countLabel"] = Self.counted(items.count, "item")
        return dictionary
    }

    func nextMeeting(_ community: Community) -> Int? {
        community.meetings.first { isUpcoming(site.pages[$0]) }
    }

    func meetingItem(_ index: Int, root: String) -> [String: Any] {
        let page = site.pages[index]
        var item: [String: Any] = ["title": page.title, "url": root + page.outputPath, "upcoming": isUpcoming(page)]
        item["date"] = page.date?.long
        item["dateISO"] = page.date?.iso
        item["summary"] = page.parsed.frontMatter.summary ?? false
        return item
    }

    func linkItem(_ index: Int, root: String) -> [String: Any] {
        let page = site.pages[index]
        // Every key the item templates ask for is present (false when empty): a missing key
        // makes Mustache search every enclosing context, which adds up on long lists.
        let summary: Any = page.parsed.frontMatter.summary ?? false
        return ["title": page.title, "url": root + page.outputPath, "summary": summary, "meta": false]
    }

    func meetingDictionary(_ index: Int, community: Community?, root: String) -> [String: Any] {
        let page = site.pages[index]
        var dictionary: [String: Any] = ["upcoming": isUpcoming(page)]
        let names: [String]
        switch page.parsed.frontMatter.attendees {
        case .count(let count)?: dictionary["attendeeCount"] = count; names = []
        case .names(let list)?: dictionary["attendeeCount"] = list.count; names = list
        case nil: names = []
        }
        dictionary["attendees"] = names.map { ["name": $0] }
        dictionary["hasAttendeeNames"] = !names.isEmpty
        dictionary["location"] = page.parsed.frontMatter.location
        dictionary["time"] = page.parsed.frontMatter.time?.label
        let resources = meetingResources(index, root: root)
        dictionary["resources"] = resources
        dictionary["hasResources"] = !resources.isEmpty
        if let meetings = community?.meetings, let position = meetings.firstIndex(of: index) {
            if position > 0 { dictionary["previous"] = meetingItem(meetings[position - 1], root: root) }
            if position + 1 < meetings.count { dictionary["next"] = meetingItem(meetings[position + 1], root: root) }
        }
        return dictionary
    }
}
