import CopseCore
import CopseTemplate

/// `evidence-index`: every conference the hub collects evidence for.
struct EvidenceIndexContext: TemplateContext {
    var layout: LayoutContext
    var evidence: EvidenceIndexInfo

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("evidence", "the conferences") { $0.evidence },
    ]
}

/// `evidence` on the evidence index.
struct EvidenceIndexInfo: TemplateContext {
    var conferences: [ConferenceSummary]
    var principles: [NameItem]
    var healthURL: String

    static let fields: [TemplateField<Self>] = [
        .list("conferences", "every conference, newest first", has: "hasConferences") { $0.conferences },
        .list("principles", "the hub's principles (`principles:` in copse.yml)", has: "hasPrinciples") { $0.principles },
        .text("healthURL", "the hub health page") { $0.healthURL },
    ]
}

/// A conference: its name, dates, counts, and the addresses of its pages and exports.
struct ConferenceSummary: TemplateContext {
    var id: String
    var name: String
    var date: Day
    var window: String
    var current: Bool
    var root: String
    var itemCount: Int
    var contributing: Int
    var communities: Int
    var missingCount: Int

    static let fields: [TemplateField<Self>] = [
        .text("id", "its `id:` in copse.yml") { $0.id },
        .text("name", "its `name:`") { $0.name },
        .text("date", "its date, human") { $0.date.long },
        .text("dateISO", "its date as `2026-11-24`") { $0.date.iso },
        .text("window", "the dates its evidence comes from: \"Sunday 15 March 2026 to Saturday 13 March 2027\"") { $0.window },
        .flag("current", "the conference being collected for now") { $0.current },
        .text("url", "its evidence page") { $0.root + ViewModel.evidencePath($0.id) },
        .text("packURL", "its printable evidence pack") { $0.root + ViewModel.packPath($0.id) },
        .text("csvURL", "its evidence as CSV") { $0.root + ViewModel.exportPath($0.id, .csv) },
        .text("jsonURL", "its evidence as JSON") { $0.root + ViewModel.exportPath($0.id, .json) },
        .number("itemCount", "how many evidence items it has") { $0.itemCount },
        .text("itemCountLabel", "\"12 items\"") { Plural.counted($0.itemCount, "item") },
        .text("contributorsLabel", "\"2 of 3 communities\"") {
            "\($0.contributing) of " + Plural.counted($0.communities, "community", plural: "communities")
        },
        .number("missingCount", "how many communities have no evidence for it") { $0.missingCount },
        .flag("hasMissing", "some community has none") { $0.missingCount > 0 },
    ]
}

/// An evidence item as the evidence pages list it.
struct EvidenceItemInfo: TemplateContext {
    var summary: String
    var title: String
    var url: String
    var date: Day?
    var value: ValueStage?
    var principles: [NameItem]
    var kind: String?
    var purpose: String?
    var community: String
    /// An id for the item, where a link points at it.
    var anchor: String?

    static let fields: [TemplateField<Self>] = [
        .text("summary", "what the evidence is") { $0.summary },
        .text("title", "the title of the page carrying it") { $0.title },
        .text("url", "the page carrying it") { $0.url },
        .text("date", "its date, human; false when none", ifNone: .asFalse) { $0.date?.long },
        .text("dateISO", "its date as `2026-11-24`, or empty") { $0.date?.iso ?? "" },
        .flag("hasDate", "it has a date") { $0.date != nil },
        .text("value", "\"Applied\"…; false when not given", ifNone: .asFalse) { $0.value?.label },
        .text("valueKey", "`applied`…, or empty") { $0.value?.rawValue ?? "" },
        .list("principles", "the principles it shows", has: "hasPrinciples") { $0.principles },
        .text("kind", "its kind; false when not given", ifNone: .asFalse) { $0.kind },
        .text("purpose", "its purpose; false when not given", ifNone: .asFalse) { $0.purpose },
        .text("community", "its community's name, or \"Hub-wide\"") { $0.community },
        .text("anchor", "an id to put on the item, where a link points at it; false elsewhere", ifNone: .asFalse) { $0.anchor },
    ]
}

/// `community.evidence` on a community's home: its evidence for the conference being collected for now.
struct CommunityEvidence: TemplateContext {
    var conference: ConferenceSummary
    var communityURL: String
    var items: [EvidenceItemInfo]

    static let fields: [TemplateField<Self>] = [
        .including { $0.conference },
        .text("communityURL", "this community's part of the conference page") { $0.communityURL },
        .list("items", "its evidence items", has: "hasItems") { $0.items },
        .text("countLabel", "\"3 items\"") { Plural.counted($0.items.count, "item") },
    ]
}
