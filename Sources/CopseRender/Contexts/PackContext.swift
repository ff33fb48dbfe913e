import CopseCore
import CopseTemplate

/// `evidence-pack`: every evidence item of a conference in full, on one page made for printing.
struct PackContext: TemplateContext {
    var layout: LayoutContext
    var pack: PackInfo

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("pack", "the pack") { $0.pack },
    ]
}

/// `pack`: a conference summary, then a cover, the contents and one section per community.
struct PackInfo: TemplateContext {
    var summary: ConferenceSummary
    var sections: [PackSection]
    var principleTotals: [PrincipleTotal]
    var rows: [PackSummaryRow]
    var valueStages: [ValueStageInfo]
    var missing: [TitleItem]
    var hubTitle: String
    var generated: Day
    var principles: [NameItem]

    static let fields: [TemplateField<Self>] = [
        .including { $0.summary },
        .list("sections", "the communities with evidence", has: "hasSections") { $0.sections },
        .list("contents", "the table of contents, a line per section, each with its items") { $0.sections.map(\.contentsLine) },
        .list("principleTotals", "the summary table's columns: each principle with how many items show it") { $0.principleTotals },
        .list("rows", "the summary table of communities x principles: every community, with or without evidence "
              + "(hub-wide evidence first, when there is any)", has: "hasRows") { $0.rows },
        .number("total", "how many items there are") { $0.rows.reduce(0) { $0 + $1.row.total } },
        .list("valueStages", "the five value stages with their definitions, for the key printed with the summary") { $0.valueStages },
        .list("missing", "the communities with no evidence") { $0.missing },
        .text("hubTitle", "the hub's title") { $0.hubTitle },
        .text("generated", "the day the pack was built, human") { $0.generated.long },
        .text("generatedISO", "the same as `2026-11-24`") { $0.generated.iso },
        .list("principles", "the hub's principles", has: "hasPrinciples") { $0.principles },
    ]
}

/// A community's section of the pack.
struct PackSection: TemplateContext {
    var number: Int
    var title: String
    var anchor: String
    var items: [PackItem]
    var purpose: String?
    var region: String?
    var leaders: [NameItem]

    var contentsLine: PackContentsLine {
        PackContentsLine(number: number, title: title, anchor: anchor, count: items.count,
                         items: items.map { PackContentsItem(number: $0.number, title: $0.item.title, anchor: $0.item.anchor ?? "") })
    }

    static let fields: [TemplateField<Self>] = [
        .number("number", "its number, 1 first") { $0.number },
        .text("title", "the community's name, or \"Hub-wide\"") { $0.title },
        .text("anchor", "its id") { $0.anchor },
        .list("items", "its items in full") { $0.items },
        .text("countLabel", "\"3 items\"") { Plural.counted($0.items.count, "item") },
        .text("purpose", "the community's purpose; false when none", ifNone: .asFalse) { $0.purpose },
        .text("region", "the community's region; false when none", ifNone: .asFalse) { $0.region },
        .list("leaders", "the community's leaders", has: "hasLeaders") { $0.leaders },
    ]
}

/// A line of the pack's contents.
struct PackContentsLine: TemplateContext {
    var number: Int
    var title: String
    var anchor: String
    var count: Int
    var items: [PackContentsItem]

    static let fields: [TemplateField<Self>] = [
        .number("number", "the section's number") { $0.number },
        .text("title", "its title") { $0.title },
        .text("anchor", "its id") { $0.anchor },
        .text("countLabel", "\"3 items\"") { Plural.counted($0.count, "item") },
        .list("items", "its items, numbered as in the section (`2.1`)") { $0.items },
    ]
}

/// An item's line in the pack's contents.
struct PackContentsItem: TemplateContext {
    var number: String
    var title: String
    var anchor: String

    static let fields: [TemplateField<Self>] = [
        .text("number", "\"2.1\"") { $0.number },
        .text("title", "the title of the page carrying it") { $0.title },
        .text("anchor", "the item's id in the pack") { $0.anchor },
    ]
}

/// A row of the pack's summary table: a matrix row and the section that holds its items.
struct PackSummaryRow: TemplateContext {
    var row: MatrixRow
    /// Nil for a community with no evidence (it has no section).
    var section: Int?

    static let fields: [TemplateField<Self>] = [
        .including { $0.row },
        .number("section", "the number of its section in the pack; absent for a community with no evidence",
                ifNone: .absent) { $0.section },
    ]
}

/// An evidence item of the pack: the item and the full page carrying it.
struct PackItem: TemplateContext {
    /// With `anchor` set to the item's own.
    var item: EvidenceItemInfo
    var number: String
    /// Made when the pack is written, an item at a time (see ``DeferredHTML``).
    var content: DeferredHTML
    var hasContent: Bool
    var address: String

    static let fields: [TemplateField<Self>] = [
        .including { $0.item },
        .text("number", "\"2.1\"") { $0.number },
        .deferredHTML("content", "the page's full HTML, with headings moved two levels down and ids prefixed so they are unique on the page") {
            $0.content
        },
        .flag("hasContent", "`content` is not empty") { $0.hasContent },
        .text("address", "the page's public URL, or its path without `base_url`") { $0.address },
    ]
}

/// `{title}`: a community without evidence, in the pack.
struct TitleItem: TemplateContext {
    var title: String

    static let fields: [TemplateField<Self>] = [.text("title", "its name") { $0.title }]
}
