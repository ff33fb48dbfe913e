import CopseCore
import CopseTemplate

/// `home`: the hub's home page, with the directory of communities and the hub's own pages.
struct HomeContext: TemplateContext {
    var layout: LayoutContext
    var communities: [CommunityHeader]
    var upcomingMeetings: [MeetingItem]
    var resources: [LinkItem]
    var pages: [LinkItem]

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .list("communities", "every community, as its pages show it in `community`", has: "hasCommunities") { $0.communities },
        .list("upcomingMeetings", "every community's upcoming meetings, soonest first (on one day, by start time), each with "
              + "its `community`", has: "hasUpcoming") { $0.upcomingMeetings },
        .list("resources", "the hub-wide resources", has: "hasResources") { $0.resources },
        .list("pages", "the hub's other pages (the leaders' agreement…)", has: "hasPages") { $0.pages },
    ]
}

/// `community`: a community's home page.
struct CommunityContext: TemplateContext {
    var layout: LayoutContext
    var community: CommunityHome

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("community", "the community") { $0.community },
    ]
}

/// `document`: founding documents, planning parts, and any other page.
struct DocumentContext: TemplateContext {
    var layout: LayoutContext
    var community: CommunityHeader?
    var evidence: PageEvidence?
    var documents: DocumentPager?

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("community", "the community the page belongs to; absent on the hub's own pages", ifNone: .absent) { $0.community },
        .map("evidence", "the conference evidence this page carries (its `evidence:`), with the conference; absent when none. "
             + "`partials/evidence-note` shows it", ifNone: .absent) { $0.evidence },
        .map("documents", "on a founding document, the community's founding documents before and after it (in the order of "
             + "`community.documents`); absent on other pages", ifNone: .absent) { $0.documents },
    ]
}

/// `documents` on a founding document: its neighbours.
struct DocumentPager: TemplateContext {
    var previous: LinkItem?
    var next: LinkItem?

    static let fields: [TemplateField<Self>] = [
        .map("previous", "the document before it; absent for the first", ifNone: .absent) { $0.previous },
        .map("next", "the document after it; absent for the last", ifNone: .absent) { $0.next },
    ]
}

/// `meeting`: a meeting's notes.
struct MeetingContext: TemplateContext {
    var layout: LayoutContext
    var community: CommunityHeader?
    var meeting: MeetingInfo
    var evidence: PageEvidence?

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("community", "the community that met", ifNone: .absent) { $0.community },
        .map("meeting", "the meeting") { $0.meeting },
        .map("evidence", "the conference evidence this page carries (its `evidence:`), with the conference; absent when none. "
             + "`partials/evidence-note` shows it", ifNone: .absent) { $0.evidence },
    ]
}

/// `resource`: a resource, the hub's or a community's.
struct ResourceContext: TemplateContext {
    var layout: LayoutContext
    var community: CommunityHeader?
    var resource: ResourceInfo
    var evidence: PageEvidence?

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("community", "the community that made it; absent for a hub-wide resource", ifNone: .absent) { $0.community },
        .map("resource", "the resource") { $0.resource },
        .map("evidence", "the conference evidence this page carries (its `evidence:`), with the conference; absent when none. "
             + "`partials/evidence-note` shows it", ifNone: .absent) { $0.evidence },
    ]
}

/// `meeting` on a meeting's page.
struct MeetingInfo: TemplateContext {
    var upcoming: Bool
    var attendeeCount: Int?
    var attendees: [NameItem]
    var location: String?
    var time: String?
    var resources: [LinkItem]
    var previous: MeetingItem?
    var next: MeetingItem?
    /// Its own calendar file; nil when none is written.
    var calendarURL: String?

    static let fields: [TemplateField<Self>] = [
        .flag("upcoming", "the meeting is today or later") { $0.upcoming },
        .number("attendeeCount", "how many came (`attendees:`); absent when not given", ifNone: .absent) { $0.attendeeCount },
        .list("attendees", "who came, when `attendees:` names them (empty when it gives only a count)",
              has: "hasAttendeeNames") { $0.attendees },
        .text("location", "`location:`", ifNone: .absent) { $0.location },
        .text("time", "\"16:30 to 18:00\" or \"16:30\", from `time:`", ifNone: .absent) { $0.time },
        .list("resources", "the resources the notes link to", has: "hasResources") { $0.resources },
        .map("previous", "the community's meeting before this one; absent for its first", ifNone: .absent) { $0.previous },
        .map("next", "the community's meeting after this one; absent for its last", ifNone: .absent) { $0.next },
        .text("calendarURL", "this meeting alone as an iCalendar file, to add to a calendar app; absent without `base_url` "
              + "and for a draft", ifNone: .absent) { $0.calendarURL },
        .text("calendarFileName", "that file's name, for the link's `download` attribute; empty when there is none") {
            $0.calendarURL.map { String(PathBytes.lastPart($0) ?? "") } ?? ""
        },
    ]
}

/// `resource` on a resource's page (and in each item of the commons).
struct ResourceInfo: TemplateContext {
    var isHub: Bool
    var usedBy: [TitleLink]
    var kind: String?
    var kindURL: String?

    static let fields: [TemplateField<Self>] = [
        .text("scope", "`hub` or `community`") { $0.isHub ? "hub" : "community" },
        .flag("isHub", "a hub-wide resource") { $0.isHub },
        .list("usedBy", "the communities that use it (link to it); for a community's own resource, the other communities",
              has: "hasUsedBy", count: "usedByCount") { $0.usedBy },
        .text("usedByLabel", "\"Used by 2 communities\", \"Used by 1 other community\", \"Not linked from any community yet\", "
              + "\"Not used by another community yet\"") { ViewModel.usedByLabel($0.usedBy.count, isHub: $0.isHub) },
        .text("kind", "its `kind:`, such as \"Lesson plan\"", ifNone: .absent, has: "hasKind") { $0.kind },
        .text("kindURL", "its kind's view in the commons", ifNone: .absent) { $0.kindURL },
    ]
}
