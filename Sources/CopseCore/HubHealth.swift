/// What organisers check across the hub: which founding documents each community has written,
/// whether it still meets, and whether it has evidence for the current conference.
package struct CommunityHealth: Sendable {
    /// Index into ``Site/communities``.
    package var community: Int
    /// The page of each founding document the community has written.
    package var documents: [FoundingDocument: PageID]
    /// Meetings held in the six months up to and including today.
    package var recentMeetings: Int
    /// The most recent meeting on or before today (index into ``Site/pages``).
    package var lastMeeting: PageID?
    /// Evidence items for the current conference (0 when the hub has no conferences).
    package var evidence: Int

    /// How many of the seven planning-template parts are written.
    package var partsWritten: Int { FoundingDocument.planningParts.filter { documents[$0] != nil }.count }

    /// Missing documents, no meeting for six months, no evidence: each counts as one gap.
    package func gaps(collectingEvidence: Bool) -> Int {
        FoundingDocument.allCases.filter { documents[$0] == nil }.count
            + (recentMeetings == 0 ? 1 : 0) + (collectingEvidence && evidence == 0 ? 1 : 0)
    }
}

package enum HubHealth {
    /// How far back "recent" meetings go, in months.
    package static let recentMonths = 6

    /// One entry per community, in site order.
    package static func build(_ site: Site, evidence: HubEvidence) -> [CommunityHealth] {
        let since = site.today.adding(months: -recentMonths)
        let current = evidence.current
        return site.communities.enumerated().map { position, community in
            let documents = site.foundingDocuments(of: community)
            let held = community.meetings.filter { index in site.pages[index].date.map { $0 <= site.today } ?? false }
            let recent = held.filter { index in site.pages[index].date.map { $0 > since } ?? false }
            let items = current?.groups.first { $0.community == community.id }?.items.count ?? 0
            return CommunityHealth(community: position, documents: documents, recentMeetings: recent.count,
                                   lastMeeting: held.last, evidence: items)
        }
    }
}

package extension Site {
    /// The page of each founding document `community` has written.
    func foundingDocuments(of community: Community) -> [FoundingDocument: PageID] {
        var documents: [FoundingDocument: PageID] = [:]
        for index in community.documents {
            if let founding = pages[index].founding { documents[founding] = index }
        }
        return documents
    }
}

package extension FoundingDocument {
    /// The seven parts of the planning template, in order (norms is both a founding document
    /// and part four).
    static let planningParts: [FoundingDocument] = [.purpose, .membership, .leadership, .norms, .plan, .results, .practice]
}
