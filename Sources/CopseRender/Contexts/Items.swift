import CopseCore
import CopseTemplate

/// A meeting in a list: a community's meetings, its next one, a meeting's neighbours.
struct MeetingItem: TemplateContext {
    var title: String
    var url: String
    var date: Day?
    var summary: String?
    var upcoming: Bool
    var time: String?
    var location: String?
    /// The community that meets, in lists of several communities' meetings.
    var community: TitleLink?

    static let fields: [TemplateField<Self>] = [
        .text("title", "its title") { $0.title },
        .text("url", "its notes") { $0.url },
        .flag("upcoming", "it is today or later") { $0.upcoming },
        .text("date", "its date, human, with the day of the week", ifNone: .absent) { $0.date?.long },
        .text("dateISO", "its date as `2026-11-24`", ifNone: .absent) { $0.date?.iso },
        .text("summary", "its summary; false when none", ifNone: .asFalse) { $0.summary },
        .text("time", "\"16:30 to 18:00\" or \"16:30\", from `time:`; false when not given", ifNone: .asFalse) { $0.time },
        .text("location", "`location:`; false when not given", ifNone: .asFalse) { $0.location },
        .map("community", "the community that meets (`title`, `url`), in the home page's `upcomingMeetings`; false in a "
             + "community's own lists", ifNone: .asFalse) { $0.community },
    ]
}

/// A page in a list: resources, hub pages, a tag's pages.
struct LinkItem: TemplateContext {
    var title: String
    var url: String
    var summary: String?
    /// One line of plain text about the page, where a list shows one.
    var meta: String?

    static let fields: [TemplateField<Self>] = [
        .text("title", "its title") { $0.title },
        .text("url", "its page") { $0.url },
        .text("summary", "its summary; false when none", ifNone: .asFalse) { $0.summary },
        .text("meta", "one line of plain text such as \"Meeting notes · Tyneside Secondary Computer Science · Thursday 4 December "
              + "2025\"; false where the list shows none", ifNone: .asFalse) { $0.meta },
    ]
}

/// `{name}`: a leader, an attendee, a principle.
struct NameItem: TemplateContext {
    var name: String

    static let fields: [TemplateField<Self>] = [.text("name", "the name") { $0.name }]
}

/// `{title, url}`: a community that uses a resource, one missing from a conference's evidence.
struct TitleLink: TemplateContext {
    var title: String
    var url: String

    static let fields: [TemplateField<Self>] = [
        .text("title", "its title") { $0.title },
        .text("url", "its page") { $0.url },
    ]
}
