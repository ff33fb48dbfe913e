import CopseCore

/// `health/index.html`: one table of every community's founding documents, meetings and
/// evidence, so organisers see the gaps at a glance.
extension ViewModel {
    static let healthPath = "health/index.html"

    func healthPage() -> [String: Any] {
        let path = Self.healthPath
        let root = Self.root(for: path)
        var context = base(outputPath: path, page: Self.generatedPage(title: "Hub health", kind: "health", kindLabel: "For organisers"),
                           breadcrumbs: [("Home", "index.html"), ("Evidence", Self.evidenceIndexPath)], current: Self.evidenceIndexPath)
        let current = evidence.current
        let health = HubHealth.build(site, evidence: evidence)
        let rows = health.map { healthRow($0, root: root, collecting: current != nil) }
        var dictionary: [String: Any] = [
            "documents": FoundingDocument.allCases.map { ["label": $0.shortLabel] },
            "rows": rows, "hasRows": !rows.isEmpty,
            "since": site.today.adding(months: -HubHealth.recentMonths).long, "today": site.today.long,
            "months": HubHealth.recentMonths,
            "noCharter": Self.counted(health.filter { $0.documents[.charter] == nil }.count, "community", plural: "communities"),
            "noRecentMeeting": Self.counted(health.filter { $0.recentMeetings == 0 }.count, "community", plural: "communities"),
            "complete": Self.counted(health.filter { $0.gaps(collectingEvidence: current != nil) == 0 }.count, "community", plural: "communities"),
        ]
        if let current, let position = evidence.currentIndex {
            dictionary["conference"] = conferenceSummary(position, root: root)
            dictionary["noEvidence"] = Self.counted(current.missing.count, "community", plural: "communities")
        } else {
            dictionary["conference"] = false
        }
        context["health"] = dictionary
        return context
    }
}

private extension ViewModel {
    func healthRow(_ health: CommunityHealth, root: String, collecting: Bool) -> [String: Any] {
        let community = site.communities[health.community]
        let last = health.lastMeeting.map { site.pages[$0] }
        let gaps = health.gaps(collectingEvidence: collecting)
        return [
            "title": community.title, "url": root + community.outputPath, "documents": documentChecklist(health.documents, root: root),
            "parts": "\(health.partsWritten) of \(FoundingDocument.planningParts.count)",
            "partsComplete": health.partsWritten == FoundingDocument.planningParts.count,
            "recentMeetings": health.recentMeetings, "hasRecentMeetings": health.recentMeetings > 0,
            "lastMeeting": last?.date?.long ?? false, "lastMeetingISO": last?.date?.iso ?? "",
            "lastMeetingURL": last.map { root + $0.outputPath } ?? false,
            "evidence": health.evidence, "hasEvidence": health.evidence > 0,
            "evidenceURL": evidence.current.map { communityEvidenceURL($0.conference.id, community: community.id, root: root) } ?? false,
            "gaps": gaps, "hasGaps": gaps > 0, "gapsLabel": gaps == 0 ? "None" : Self.counted(gaps, "gap"),
        ]
    }
}

extension FoundingDocument {
    /// The column heading on the health page.
    var shortLabel: String {
        switch self {
        case .plan: "Plan"
        case .results: "Results"
        case .practice: "Practice"
        default: label
        }
    }
}
