import CopseCore
import CopseTemplate

/// The pages whose text links to a page, grouped: the hub's first, then each community's.
struct Backlinks: Sendable {
    var groups: [BacklinkGroup]
    /// How many pages link here.
    var count: Int
}

/// `page.backlinkGroups`: the pages of the hub, or of one community, that link here.
struct BacklinkGroup: TemplateContext {
    var title: String
    /// The community's home page; nil for the hub's group.
    var url: String?
    var items: [BacklinkItem]

    static let fields: [TemplateField<Self>] = [
        .text("title", "\"Across the hub\", or the community's name") { $0.title },
        .text("url", "the community's home page", ifNone: .absent, has: "hasURL") { $0.url },
        .list("items", "the pages") { $0.items },
    ]
}

/// A page that links here.
struct BacklinkItem: TemplateContext {
    var title: String
    var url: String
    var summary: String?
    var kindLabel: String
    var date: Day?

    /// A founding document's label is often its title too ("Collaborative plan").
    var showsLabel: Bool { kindLabel != title }

    static let fields: [TemplateField<Self>] = [
        .text("title", "its title") { $0.title },
        .text("url", "its page") { $0.url },
        .text("summary", "its summary; false when it has none", ifNone: .asFalse) { $0.summary },
        .text("kindLabel", "\"Meeting notes\", \"Resource\", \"Charter\"") { $0.kindLabel },
        .flag("hasKindLabel", "false when the label would only repeat the title (a founding document titled \"Purpose\")") { $0.showsLabel },
        .flag("hasDate", "it has a date") { $0.date != nil },
        .text("date", "its date, human; false when none", ifNone: .asFalse) { $0.date?.long },
        .text("dateISO", "its date as `2026-11-24`; false when none", ifNone: .asFalse) { $0.date?.iso },
        .flag("hasMeta", "there is a label or a date to show") { $0.showsLabel || $0.date != nil },
        .text("meta", "label and date joined with \" · \", as plain text") { item in
            [item.showsLabel ? item.kindLabel : nil, item.date?.long].compactMap { $0 }.joined(separator: " · ")
        },
    ]
}
