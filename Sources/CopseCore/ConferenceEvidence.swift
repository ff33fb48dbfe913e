/// The evidence of one conference, grouped by community: what the evidence pages, the pack,
/// the exports and `copse evidence` show.
package struct ConferenceEvidence: Sendable {
    package let conference: Config.Conference
    /// First day of the collection window; nil for the first conference (it collects everything
    /// up to its date).
    package let starts: Day?
    /// Hub-wide evidence first (when there is any), then every community in site order, with or
    /// without evidence.
    package let groups: [Group]
    /// Every item, in group order.
    package let items: [EvidenceItem]
    /// Communities with no evidence for this conference, in site order.
    package let missing: [String]

    init(conference: Config.Conference, starts: Day?, groups: [Group]) {
        self.conference = conference
        self.starts = starts
        self.groups = groups
        items = groups.flatMap(\.items)
        missing = groups.filter { $0.community != nil && $0.items.isEmpty }.compactMap(\.community)
    }

    package struct Group: Sendable {
        /// Nil for evidence on hub pages (not in a community).
        package var community: String?
        /// By date, then page.
        package var items: [EvidenceItem]
    }

    /// How many groups (communities, or the hub) brought something.
    package var contributors: Int { groups.filter { !$0.items.isEmpty }.count }

    /// Items of `group` that show `principle`.
    package func count(_ group: Group, principle: String) -> Int {
        group.items.reduce(0) { $0 + ($1.principles.contains(principle) ? 1 : 0) }
    }
}

/// Every conference's evidence, and which conference is being collected for now.
package struct HubEvidence: Sendable {
    /// By date, oldest first.
    package var conferences: [ConferenceEvidence]
    /// Index into ``conferences`` of the next conference on or after today (the one leaders
    /// are collecting for); the latest one when all are past; nil when there are none.
    package var currentIndex: Int?

    package init(site: Site) {
        let windows = ConferenceWindows(site.config.conferences)
        let ordered = site.config.conferences.sorted { $0.date < $1.date }
        var byConference: [String: [String: [EvidenceItem]]] = [:]
        for item in site.evidence { byConference[item.conference, default: [:]][item.community ?? "", default: []].append(item) }
        conferences = ordered.map { conference in
            let found = byConference[conference.id] ?? [:]
            var groups: [ConferenceEvidence.Group] = []
            if let hub = found[""] { groups.append(.init(community: nil, items: hub)) }
            groups += site.communities.map { .init(community: $0.id, items: found[$0.id] ?? []) }
            return ConferenceEvidence(conference: conference, starts: windows.starts(of: conference.id), groups: groups)
        }
        currentIndex = ordered.firstIndex { $0.date >= site.today } ?? (ordered.isEmpty ? nil : ordered.count - 1)
    }

    package var current: ConferenceEvidence? { currentIndex.map { conferences[$0] } }

    package func conference(_ id: String) -> ConferenceEvidence? { conferences.first { $0.conference.id == id } }
}
