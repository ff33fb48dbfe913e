import CopseCore
import CopseTemplate

/// `health`: one table of every community's founding documents, meetings and evidence.
struct HealthContext: TemplateContext {
    var layout: LayoutContext
    var health: HealthInfo

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("health", "the table") { $0.health },
    ]
}

/// `health` on the hub health page.
struct HealthInfo: TemplateContext {
    var documents: [LabelItem]
    var rows: [HealthRow]
    var since: Day
    var today: Day
    var months: Int
    var noCharter: Int
    var noRecentMeeting: Int
    var complete: Int
    var conference: ConferenceSummary?
    /// Communities without evidence for the current conference; nil when none is being collected for.
    var noEvidence: Int?

    static let fields: [TemplateField<Self>] = [
        .list("documents", "the column labels of the founding documents") { $0.documents },
        .list("rows", "one per community", has: "hasRows") { $0.rows },
        .text("since", "the start of the recent months, human") { $0.since.long },
        .text("today", "the build's today, human") { $0.today.long },
        .number("months", "how many months count as recent (6)") { $0.months },
        .text("noCharter", "\"1 community\" without a charter") { Self.communities($0.noCharter) },
        .text("noRecentMeeting", "\"2 communities\" without a recent meeting") { Self.communities($0.noRecentMeeting) },
        .text("complete", "\"3 communities\" without gaps") { Self.communities($0.complete) },
        .map("conference", "the current conference's summary; false when none is being collected for", ifNone: .asFalse) {
            $0.conference
        },
        .text("noEvidence", "\"1 community\" without evidence for it; absent when no conference is being collected for",
              ifNone: .absent) { $0.noEvidence.map(Self.communities) },
        .list("summary", "the lines above the table, each counting the communities that have something: everything in place, "
              + "evidence for the current conference (when there is one), a meeting in the recent months, a charter; empty "
              + "when the hub has no community") { $0.summary },
    ]

    static func communities(_ count: Int) -> String { Plural.counted(count, "community", plural: "communities") }

    /// The four lines above the table, each counting the communities that have something (never
    /// "0 communities with no gaps"); none when the hub has no community.
    var summary: [HealthLine] {
        let total = rows.count
        guard total > 0 else { return [] }
        var lines = [HealthLine.counting(complete, of: total, has: "has everything in place", have: "have everything in place",
                                         none: "has everything in place yet", lacks: "does not have everything in place yet")]
        if let conference, let noEvidence {
            let brought = conference.past ? "brought evidence to \(conference.name)" : "has brought evidence for \(conference.name)"
            lines.append(.counting(total - noEvidence, of: total, has: brought,
                                   have: conference.past ? brought : "have brought evidence for \(conference.name)",
                                   none: conference.past ? brought : brought + " yet",
                                   lacks: conference.past ? "did not bring evidence to \(conference.name)"
                                       : "has not brought evidence for \(conference.name) yet"))
        }
        lines.append(.counting(total - noRecentMeeting, of: total, has: "has met in the last \(months) months",
                               have: "have met in the last \(months) months", none: "has met in the last \(months) months",
                               lacks: "has not met in the last \(months) months"))
        lines.append(.counting(total - noCharter, of: total, has: "has a charter", have: "have a charter", none: "has a charter yet",
                               lacks: "has no charter yet"))
        return lines
    }
}

/// A line of the health page's summary: "**2 of 3 communities** have a charter".
struct HealthLine: TemplateContext, Equatable {
    var lead: String
    var rest: String
    var all: Bool

    static let fields: [TemplateField<Self>] = [
        .text("lead", "\"2 of 3 communities\", \"All 3 communities\", \"Both communities\", \"The one community\", \"No community\"") {
            $0.lead
        },
        .text("rest", "what they have, agreeing with the lead: \"have a charter\", \"has a charter yet\"") { $0.rest },
        .flag("all", "every community has it") { $0.all },
    ]

    /// `have` of `total` communities (total > 0), phrased for zero, one, both, all or some.
    static func counting(_ have: Int, of total: Int, has: String, have plural: String, none: String, lacks: String) -> HealthLine {
        if have == 0 { return HealthLine(lead: total == 1 ? "The one community" : "No community", rest: total == 1 ? lacks : none, all: false) }
        if have == total {
            switch total {
            case 1: return HealthLine(lead: "The one community", rest: has, all: true)
            case 2: return HealthLine(lead: "Both communities", rest: plural, all: true)
            default: return HealthLine(lead: "All \(total) communities", rest: plural, all: true)
            }
        }
        return HealthLine(lead: "\(have) of \(total) communities", rest: have == 1 ? has : plural, all: false)
    }
}

/// A row of the health table.
struct HealthRow: TemplateContext {
    var title: String
    var url: String
    var documents: [ChecklistItem]
    var partsWritten: Int
    var recentMeetings: Int
    var lastMeeting: Day?
    var lastMeetingURL: String?
    var evidence: Int
    var evidenceURL: String?
    var gaps: Int

    static let fields: [TemplateField<Self>] = [
        .text("title", "the community's name") { $0.title },
        .text("url", "its home page") { $0.url },
        .list("documents", "its founding documents, as on its home page's `checklist`") { $0.documents },
        .text("parts", "\"5 of 7\" planning parts written") { "\($0.partsWritten) of \(FoundingDocument.planningParts.count)" },
        .flag("partsComplete", "every planning part is written") { $0.partsWritten == FoundingDocument.planningParts.count },
        .number("recentMeetings", "its meetings in the recent months") { $0.recentMeetings },
        .flag("hasRecentMeetings", "it has some") { $0.recentMeetings > 0 },
        .text("lastMeeting", "the date of its last meeting, human; false when none", ifNone: .asFalse) { $0.lastMeeting?.long },
        .text("lastMeetingISO", "the same as `2026-11-24`, or empty") { $0.lastMeeting?.iso ?? "" },
        .text("lastMeetingURL", "its notes; false when none", ifNone: .asFalse) { $0.lastMeetingURL },
        .number("evidence", "its evidence items for the current conference") { $0.evidence },
        .flag("hasEvidence", "it has some") { $0.evidence > 0 },
        .text("evidenceURL", "its part of the current conference's page; false when none is being collected for",
              ifNone: .asFalse) { $0.evidenceURL },
        .number("gaps", "how many gaps it has") { $0.gaps },
        .flag("hasGaps", "it has some") { $0.gaps > 0 },
        .text("gapsLabel", "\"None\", \"2 gaps\"") { $0.gaps == 0 ? "None" : Plural.counted($0.gaps, "gap") },
    ]
}

/// `{label}`: a column of the health table.
struct LabelItem: TemplateContext {
    var label: String

    static let fields: [TemplateField<Self>] = [.text("label", "the label") { $0.label }]
}
