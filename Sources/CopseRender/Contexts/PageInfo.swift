import CopseCore
import CopseTemplate

/// `page`: the page being rendered, built from a Markdown file or made by copse itself (a
/// generated page has no content, tags, front matter, history or backlinks).
struct PageInfo: TemplateContext {
    var title: String
    var kind: String
    var kindLabel: String
    var summary: String?
    /// The rendered Markdown, a link beside each heading; nil on a generated page.
    var content: String?
    /// Where in `content` its first heading begins (the end of the introduction).
    var firstHeading: String.Index?
    /// The "On this page" contents: empty below three headings and on generated pages.
    var contents: [ContentsEntry] = []
    var tags: [TagItem]?
    var draft = false
    var extra: [YAMLValue.MapEntry]?
    var date: Day?
    var updated: Day?
    var history = PageHistory()
    /// The pages that link here; nil on a generated page.
    var backlinks: Backlinks?

    static let fields: [TemplateField<Self>] = [
        .text("title", "the page's title") { $0.title },
        .text("kind", "`home`, `community`, `document`, `meeting`, `resource`, `commons`, `tags` (the tag index), `tag` (one tag's page), "
              + "`evidence`, `pack`, `health`, `search` or `notfound`; the default layout puts it on `<body class=\"kind-...\">`") { $0.kind },
        .text("kindLabel", "reader-facing words such as \"Meeting notes\", \"Resource\", \"Charter\"") { $0.kindLabel },
        .text("summary", "the page's `summary:`", ifNone: .absent) { $0.summary },
        .html("content", "the page's text as HTML (see \"Markdown in `page.content`\" above); absent on the pages copse makes itself",
              ifNone: .absent) { $0.content },
        .flag("hasContent", "`content` is not empty") { !($0.content ?? "").isEmpty },
        .html("contentIntro", "the part of `content` before its first heading (all of it when it has none): the home page "
              + "shows it above the directory of communities", ifNone: .absent) { page in
            page.content.map { content in String(content[..<(page.firstHeading ?? content.endIndex)]) }.flatMap { $0.isEmpty ? nil : $0 }
        },
        .html("contentRest", "the rest of `content`, from its first heading on; absent when it has no heading",
              ifNone: .absent) { page in
            page.content.flatMap { content in page.firstHeading.map { String(content[$0...]) } }
        },
        .list("contents", "the page's level-2 headings, each with the level-3 headings under it as `children`, for an "
              + "\"On this page\" list; empty when the page has fewer than three such headings (and on generated pages)",
              has: "hasContents") { $0.contents },
        .list("tags", "the page's tags: `url` is the tag's page; `linked` is false and `url` absent when the tag has no page "
              + "(a tag only a draft previewed with `--drafts` carries); absent on generated pages", ifNone: .absent, has: "hasTags") { $0.tags },
        .flag("draft", "true only when built with `--drafts` and the page is a draft") { $0.draft },
        .value("extra", .any, "a map of the page's unknown front-matter keys, as given (a key set to nothing is absent)",
               ifNone: .absent) { page in page.extra.map { TemplateValue.map(YAMLTemplateValue.map($0)) } },
        .text("date", "human, such as \"Tuesday 24 November 2026\"", ifNone: .absent, has: "hasDate") { $0.date?.long },
        .text("dateISO", "such as `2026-11-24`", ifNone: .absent) { $0.date?.iso },
        .text("updated", "the page's `updated:` date, human", ifNone: .absent, has: "hasUpdated") { $0.updated?.long },
        .text("updatedISO", "the same as `2026-11-24`", ifNone: .absent) { $0.updated?.iso },
        .including { $0.history },
        .flag("hasBacklinks", "some page links here (false on generated pages)") { !($0.backlinks?.groups.isEmpty ?? true) },
        .text("backlinkLabel", "\"Referenced by 3 pages\"", ifNone: .absent) { page in
            page.backlinks.map { "Referenced by " + Plural.counted($0.count, "page") }
        },
        .list("backlinkGroups", "the pages whose text links here: the hub's pages first (`title` \"Across the hub\", `hasURL` false), "
              + "then one group per community (`title` its name, `url` its home page). The default theme shows them in "
              + "`partials/backlinks`, after the content", ifNone: .absent) { $0.backlinks?.groups },
    ]
}

/// `page.lastChanged…` and `page.editURL`: when the page last changed and by whom (from git, else
/// its `updated:` date without a name), and where to edit it. Nothing on a generated page.
struct PageHistory: TemplateContext {
    var lastChanged: Day?
    var fromGit = false
    var author: String?
    var editURL: String?

    static let fields: [TemplateField<Self>] = [
        .text("lastChanged", "the author date of the newest commit that changed the page's file or, when git does not know "
              + "(no git, `--no-git-dates`, a shallow clone, a file not committed yet), its `updated:` date",
              ifNone: .absent, has: "hasLastChanged") { $0.lastChanged?.long },
        .text("lastChangedISO", "the same as `2026-11-24`", ifNone: .absent) { $0.lastChanged?.iso },
        .flag("lastChangedFromGit", "the date is git's") { $0.fromGit },
        .text("lastChangedBy", "the name of that commit's author as git records it (`.mailmap` applied); absent when the date "
              + "is not from git or copse.yml has `history: {authors: false}`", ifNone: .absent, has: "hasLastChangedBy") { $0.author },
        .text("editURL", "the page's source file in the web editor of the repository's forge, when copse.yml names its "
              + "`repository:`", ifNone: .absent, has: "hasEditURL") { $0.editURL },
        .flag("hasHistory", "there is a date or an edit link to show (the default theme's `partials/page-history`)") {
            $0.lastChanged != nil || $0.editURL != nil
        },
    ]
}

/// An entry of a page's contents (`page.contents`).
struct ContentsEntry: TemplateContext {
    var title: String
    var url: String
    var children: [ContentsSubentry]

    static let fields: [TemplateField<Self>] = [
        .text("title", "the heading's text") { $0.title },
        .text("url", "`#` and the heading's id") { $0.url },
        .list("children", "the level-3 headings under a level-2 one", has: "hasChildren") { $0.children },
    ]
}

/// A level-3 heading in the contents, under its level-2 one.
struct ContentsSubentry: TemplateContext {
    var title: String
    var url: String

    static let fields: [TemplateField<Self>] = [
        .text("title", "the heading's text") { $0.title },
        .text("url", "`#` and the heading's id") { $0.url },
    ]
}

/// One of a page's tags.
struct TagItem: TemplateContext {
    var name: String
    /// The tag's page; nil when no published page carries the tag.
    var url: String?

    static let fields: [TemplateField<Self>] = [
        .text("name", "the tag as written") { $0.name },
        .text("url", "the tag's page, `tags/<tag>/index.html`", ifNone: .absent) { $0.url },
        .flag("linked", "the tag has a page") { $0.url != nil },
    ]
}

/// Front-matter values copse does not know, as templates read them.
enum YAMLTemplateValue {
    static func map(_ entries: [YAMLValue.MapEntry]) -> TemplateMap {
        var map = TemplateMap()
        // A key given twice keeps its last value, as YAML readers do.
        for (position, entry) in entries.enumerated() where !entries[(position + 1)...].contains(where: { $0.key == entry.key }) {
            if let value = value(entry.value) { map.append(entry.key, value) }
        }
        return map
    }

    static func value(_ value: YAMLValue) -> TemplateValue? {
        switch value {
        case .null: nil
        case .bool(let bool): .bool(bool)
        case .int(let int): .number(int)
        case .double(let double): .text(String(describing: double))
        case .string(let string): .text(string)
        case .list(let items): .list(items.compactMap(Self.value))
        case .map(let entries): .map(map(entries))
        }
    }
}
