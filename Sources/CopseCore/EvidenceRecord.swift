/// One evidence item as the exports and `copse evidence` give it: plain values, no indexes.
/// The fields and their order are documented in docs/evidence-export.md; change them only with
/// a new ``EvidenceExport/version``.
public struct EvidenceRecord: Sendable, Equatable {
    public var conference: String
    /// Community folder name; nil for evidence on a hub page.
    public var community: String?
    public var communityTitle: String?
    /// Title of the page that carries the evidence.
    public var title: String
    /// The page's address relative to the site root: `communities/leeds/meetings/2026-10-07-review/`.
    public var path: String
    /// `base_url` + `path`, when copse.yml has a `base_url`.
    public var url: String?
    /// The Markdown file: `content/communities/leeds/meetings/2026-10-07-review.md`.
    public var source: String
    public var date: Day?
    public var summary: String
    public var principles: [String]
    public var value: ValueStage?
    public var kind: String?
    public var purpose: String?

    /// `communityTitle` is the title of `item.community` (looked up by the caller, once per export).
    public init(_ item: EvidenceItem, site: Site, communityTitle: String?) {
        conference = item.conference
        community = item.community
        self.communityTitle = communityTitle
        title = site.pages[item.page].title
        let path = Self.address(of: site.pages[item.page].outputPath)
        self.path = path
        url = Self.url(of: path, baseURL: site.config.baseURL)
        source = site.pages[item.page].parsed.source
        date = item.date
        summary = item.summary
        principles = item.principles
        value = item.value
        kind = item.kind
        purpose = item.purpose
    }

    /// `base_url` + `path`, or nil without a `base_url`.
    public static func url(of path: String, baseURL: String?) -> String? {
        baseURL.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + path }
    }

    /// `communities/x/index.html` -> `communities/x/`; `index.html` -> ``.
    public static func address(of outputPath: String) -> String {
        outputPath.hasSuffix("index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath
    }
}
