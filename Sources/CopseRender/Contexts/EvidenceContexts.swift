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
    var valueStages: [ValueStageInfo]

    static let fields: [TemplateField<Self>] = [
        .list("conferences", "every conference, newest first", has: "hasConferences") { $0.conferences },
        .list("valueStages", "the five stages of value an item can show, in order, each with its definition; "
              + "every stage label on the site links to its entry here") { $0.valueStages },
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
    /// Its date is before the build's today.
    var past: Bool

    static let fields: [TemplateField<Self>] = [
        .text("id", "its `id:` in copse.yml") { $0.id },
        .text("name", "its `name:`") { $0.name },
        .text("date", "its date, human") { $0.date.long },
        .text("dateISO", "its date as `2026-11-24`") { $0.date.iso },
        .text("window", "the dates its evidence comes from: \"Sunday 15 March 2026 to Saturday 13 March 2027\"") { $0.window },
        .flag("current", "the conference being collected for now (the next on or after today; the latest once all are past)") {
            $0.current
        },
        .flag("past", "its date is before the build's today: it has been held, so pages speak of it in the past tense") { $0.past },
        .flag("collecting", "`current` and not `past`: evidence is still being collected for it") { $0.current && !$0.past },
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
    /// The value stage's entry in the key on the evidence index.
    var valueURL: String?
    /// The item's full entry on its conference page.
    var entryURL: String

    static let fields: [TemplateField<Self>] = [
        .text("summary", "what the evidence is") { $0.summary },
        .text("title", "the title of the page carrying it") { $0.title },
        .text("url", "the page carrying it") { $0.url },
        .text("date", "its date, human; false when none", ifNone: .asFalse) { $0.date?.long },
        .text("dateISO", "its date as `2026-11-24`, or empty") { $0.date?.iso ?? "" },
        .flag("hasDate", "it has a date") { $0.date != nil },
        .text("value", "\"Applied\"…; false when not given", ifNone: .asFalse) { $0.value?.label },
        .text("valueKey", "`applied`…, or empty") { $0.value?.rawValue ?? "" },
        .text("valueURL", "the stage's definition in the key on the evidence index; false when no stage is given",
              ifNone: .asFalse) { $0.valueURL },
        .text("valueDefinition", "what the stage means, in one sentence; false when no stage is given", ifNone: .asFalse) {
            $0.value?.definition
        },
        .text("entryURL", "the item's full entry on its conference page (`#item-3` there)") { $0.entryURL },
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

/// A stage of value, for the key that explains them.
struct ValueStageInfo: TemplateContext {
    var stage: ValueStage

    static let fields: [TemplateField<Self>] = [
        .text("key", "`immediate`, `potential`, `applied`, `realised` or `reframing`") { $0.stage.rawValue },
        .text("label", "\"Applied\"…") { $0.stage.label },
        .text("definition", "what it means, in one sentence") { $0.stage.definition },
        .text("anchor", "the id of its entry in the key: `value-applied`…") { ViewModel.valueAnchor($0.stage) },
    ]
}

/// `evidence` on a page that carries evidence (a meeting, a resource, a document): what it is
/// evidence of, and for which conference.
struct PageEvidence: TemplateContext {
    var item: EvidenceItemInfo
    var conference: ConferenceSummary
    var community: String?

    static let fields: [TemplateField<Self>] = [
        .including { $0.item },
        .map("conference", "the conference it is for") { $0.conference },
        .text("communityTitle", "the community that brings it; false for hub-wide evidence", ifNone: .asFalse) { $0.community },
    ]
}
