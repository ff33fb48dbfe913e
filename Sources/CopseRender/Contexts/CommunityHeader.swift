import CopseCore
import CopseTemplate

/// `community`: what every page inside a community shows of it (name, home, region, founding
/// documents), and each community of the home page's directory.
struct CommunityHeader: TemplateContext {
    var title: String
    var url: String
    var documents: [DocumentLink]
    var meetingCount: Int
    var resourceCount: Int
    var region: String?
    var meets: String?
    var purpose: String?
    var leaders: [NameItem]
    var nextMeeting: MeetingItem?
    var follow: FollowInfo?

    static let fields: [TemplateField<Self>] = [
        .text("title", "the community's name") { $0.title },
        .text("url", "its home page") { $0.url },
        .text("region", "`region:` of its profile", ifNone: .absent) { $0.region },
        .text("meets", "`meets:` of its profile", ifNone: .absent) { $0.meets },
        .text("purpose", "`purpose:` of its profile, in one line", ifNone: .absent) { $0.purpose },
        .list("leaders", "`leaders:` of its profile", has: "hasLeaders") { $0.leaders },
        .list("documents", "charter, norms, then the planning template parts that exist, in template order: purpose, membership, "
              + "leadership, plan, results, practice", has: "hasDocuments") { $0.documents },
        .number("meetingCount", "how many meetings it has notes for") { $0.meetingCount },
        .text("meetingCountLabel", "\"12 meetings\"") { Plural.counted($0.meetingCount, "meeting") },
        .number("resourceCount", "how many resources it has") { $0.resourceCount },
        .text("resourceCountLabel", "\"3 resources\"") { Plural.counted($0.resourceCount, "resource") },
        .map("nextMeeting", "the next upcoming meeting; absent when none is upcoming", ifNone: .absent) { $0.nextMeeting },
        .map("follow", "the community's own feed `communities/<c>/feed.xml` and calendar `communities/<c>/meetings.ics`, with the "
             + "names of `site.follow`; false without `base_url`. The default layout links its feed in the head of every page of "
             + "the community, and the community home shows its Follow section", ifNone: .asFalse) { $0.follow },
    ]
}

/// `community` on the community's home page: the header and everything the home lists.
struct CommunityHome: TemplateContext {
    var header: CommunityHeader
    var upcomingMeetings: [MeetingItem]
    var pastMeetings: [MeetingItem]
    var resources: [LinkItem]
    var checklist: [ChecklistItem]
    var otherDocuments: [LinkItem]
    var evidence: CommunityEvidence?

    /// How many past meetings `recentMeetings` holds.
    static let recentCount = 3

    static let fields: [TemplateField<Self>] = [
        .including { $0.header },
        .list("upcomingMeetings", "its upcoming meetings, soonest first", has: "hasUpcoming") { $0.upcomingMeetings },
        .list("pastMeetings", "its past meetings, newest first", has: "hasPast", count: "pastCount") { $0.pastMeetings },
        .list("recentMeetings", "the newest three of `pastMeetings`") { Array($0.pastMeetings.prefix(Self.recentCount)) },
        .list("olderMeetings", "the rest of `pastMeetings`, after the newest three (the default theme folds them away)",
              has: "hasOlder", count: "olderCount") { Array($0.pastMeetings.dropFirst(Self.recentCount)) },
        .text("olderLabel", "\"4 earlier meetings\"") { Plural.counted(max(0, $0.pastMeetings.count - Self.recentCount), "earlier meeting") },
        .list("resources", "its own resources", has: "hasResources") { $0.resources },
        .list("checklist", "every founding document in template order, written or not") { $0.checklist },
        .text("checklistLabel", "\"6 of 8 written\"") { "\($0.checklist.count { $0.url != nil }) of \($0.checklist.count) written" },
        .list("otherDocuments", "its pages that are not founding documents, leaving out the pages listed as evidence "
              + "(when the hub collects evidence)", has: "hasOtherDocuments") { $0.otherDocuments },
        .map("evidence", "its evidence for the conference being collected for now; false when the hub declares no conferences",
             ifNone: .asFalse) { $0.evidence },
    ]
}

/// A founding document or planning part of a community.
struct DocumentLink: TemplateContext {
    var title: String
    var label: String
    var url: String
    var current = false

    static let fields: [TemplateField<Self>] = [
        .text("title", "its title") { $0.title },
        .text("label", "what it is: \"Charter\", \"Norms\", \"Purpose\"…") { $0.label },
        .text("url", "its page") { $0.url },
        .flag("current", "it is the page being rendered (for `aria-current=\"page\"`)") { $0.current },
    ]
}

/// A founding document on a community's checklist (and in a row of the health page).
struct ChecklistItem: TemplateContext {
    var label: String
    /// Its page, when written.
    var url: String?
    /// The planning-template part number 1–7; nil for the charter.
    var part: Int?

    /// The norms' part number in the planning template.
    static let normsPart = FoundingDocument.planningParts.firstIndex(of: .norms).map { $0 + 1 }

    static let fields: [TemplateField<Self>] = [
        .text("label", "the document: \"Charter\", \"Purpose\"…") { $0.label },
        .flag("done", "it is written") { $0.url != nil },
        .text("url", "its page; false when not written", ifNone: .asFalse) { $0.url },
        .number("part", "the planning-template part number 1–7 (the norms are part 4); false for the charter", ifNone: .asFalse) { $0.part },
        .flag("foundation", "the charter or the norms, which the checklist lists first, before the other parts in number "
              + "order") { $0.part == nil || $0.part == ChecklistItem.normsPart },
    ]
}
