import CopseCore

/// `health/index.html`: one table of every community's founding documents, meetings and
/// evidence, so organisers see the gaps at a glance.
extension ViewModel {
    static let healthPath = "health/index.html"

    func healthPage() -> HealthContext {
        let path = Self.healthPath
        let root = Self.root(for: path)
        let layout = layout(outputPath: path, page: Self.generatedPage(title: "Hub health", kind: "health", kindLabel: "For organisers"),
                            breadcrumbs: [("Home", "index.html"), ("Evidence", Self.evidenceIndexPath)], current: Self.evidenceIndexPath)
        let current = evidence.current
        let health = HubHealth.build(site, evidence: evidence)
        let info = HealthInfo(
            documents: FoundingDocument.allCases.map { LabelItem(label: $0.shortLabel) },
            rows: health.map { healthRow($0, root: root, collecting: current != nil) },
            since: site.today.adding(months: -HubHealth.recentMonths), today: site.today, months: HubHealth.recentMonths,
            noCharter: health.filter { $0.documents[.charter] == nil }.count,
            noRecentMeeting: health.filter { $0.recentMeetings == 0 }.count,
            complete: health.filter { $0.gaps(collectingEvidence: current != nil) == 0 }.count,
            conference: evidence.current.map { conferenceSummary($0, root: root) },
            noEvidence: current?.missing.count)
        return HealthContext(layout: layout, health: info)
    }
}

private extension ViewModel {
    func healthRow(_ health: CommunityHealth, root: String, collecting: Bool) -> HealthRow {
        let community = site.communities[health.community]
        let last = health.lastMeeting.map { site.pages[$0] }
        return HealthRow(
            title: community.title, url: root + community.outputPath, documents: documentChecklist(health.documents, root: root),
            partsWritten: health.partsWritten, recentMeetings: health.recentMeetings, lastMeeting: last?.date,
            lastMeetingURL: last.map { root + $0.outputPath }, evidence: health.evidence,
            evidenceURL: evidence.current.map { communityEvidenceURL($0.conference.id, community: community.id, root: root) },
            gaps: health.gaps(collectingEvidence: collecting))
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
