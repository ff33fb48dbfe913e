import CopseCore
import CopseTemplate

/// `evidence`: one conference's evidence: the matrix, the items by community and by principle, the gaps.
struct ConferenceContext: TemplateContext {
    var layout: LayoutContext
    var conference: ConferencePage

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("conference", "the conference") { $0.conference },
    ]
}

/// `conference` on its evidence page: a conference summary and its evidence.
struct ConferencePage: TemplateContext {
    var summary: ConferenceSummary
    var principles: [PrincipleTotal]
    var rows: [MatrixRow]
    var total: Int
    var groups: [EvidenceGroup]
    var byPrinciple: [PrincipleSection]
    var missing: [TitleLink]

    static let fields: [TemplateField<Self>] = [
        .including { $0.summary },
        .list("principles", "the hub's principles with how many items show each", has: "hasPrinciples") { $0.principles },
        .list("rows", "the matrix: one row per community, hub-wide evidence first when there is any") { $0.rows },
        .number("total", "how many items there are") { $0.total },
        .list("groups", "the items by community") { $0.groups },
        .list("byPrinciple", "the items by principle, then \"No principle given\" when some item has none; the first item of each "
              + "community carries the `anchor` its matrix cell links to") { $0.byPrinciple },
        .list("missing", "the communities with no evidence") { $0.missing },
    ]
}

/// A principle and how many items show it.
struct PrincipleTotal: TemplateContext {
    var name: String
    var anchor: String
    var total: Int

    static let fields: [TemplateField<Self>] = [
        .text("name", "the principle") { $0.name },
        .text("anchor", "the id of its section") { $0.anchor },
        .number("total", "how many items show it") { $0.total },
    ]
}

/// A row of the evidence matrix: a community (or the hub) against each principle.
struct MatrixRow: TemplateContext {
    var title: String
    var anchor: String
    var total: Int
    var cells: [MatrixCell]

    static let fields: [TemplateField<Self>] = [
        .text("title", "the community's name, or \"Hub-wide\"") { $0.title },
        .text("anchor", "the id of its group") { $0.anchor },
        .number("total", "how many items it has") { $0.total },
        .flag("gap", "it has none") { $0.total == 0 },
        .list("cells", "one per principle") { $0.cells },
    ]
}

/// A cell of the evidence matrix.
struct MatrixCell: TemplateContext {
    var count: Int
    var principle: String
    var url: String

    static let fields: [TemplateField<Self>] = [
        .number("count", "how many of the community's items show the principle") { $0.count },
        .flag("hasCount", "some do") { $0.count > 0 },
        .text("principle", "the principle") { $0.principle },
        .text("url", "`#anchor` of the first of those items") { $0.url },
    ]
}

/// The items of one community (or the hub's) on a conference page.
struct EvidenceGroup: TemplateContext {
    var title: String
    var anchor: String
    var items: [EvidenceItemInfo]
    /// The community's home; nil for hub-wide evidence.
    var url: String?

    static let fields: [TemplateField<Self>] = [
        .text("title", "the community's name, or \"Hub-wide\"") { $0.title },
        .text("anchor", "the group's id") { $0.anchor },
        .list("items", "its items", has: "hasItems") { $0.items },
        .text("countLabel", "\"3 items\"") { Plural.counted($0.items.count, "item") },
        .text("url", "the community's home page; false for hub-wide evidence", ifNone: .asFalse) { $0.url },
    ]
}

/// The items that show one principle.
struct PrincipleSection: TemplateContext {
    var name: String
    var anchor: String
    var items: [EvidenceItemInfo]

    static let fields: [TemplateField<Self>] = [
        .text("name", "the principle, or \"No principle given\"") { $0.name },
        .text("anchor", "the section's id") { $0.anchor },
        .list("items", "its items", has: "hasItems") { $0.items },
        .text("countLabel", "\"3 items\"") { Plural.counted($0.items.count, "item") },
    ]
}
