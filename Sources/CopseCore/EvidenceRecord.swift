/// One evidence item as the exports and `copse evidence` give it: plain values, no indexes.
/// The fields and their order are documented in docs/evidence-export.md; change them only with
/// a new ``EvidenceExport/version``.
package struct EvidenceRecord: Sendable, Equatable {
    package var conference: String
    /// Community folder name; nil for evidence on a hub page.
    package var community: String?
    package var communityTitle: String?
    /// Title of the page that carries the evidence.
    package var title: String
    /// The page's address relative to the site root: `communities/leeds/meetings/2026-10-07-review/`.
    package var path: String
    /// `base_url` + `path`, when copse.yml has a `base_url`.
    package var url: String?
    /// The Markdown file: `content/communities/leeds/meetings/2026-10-07-review.md`.
    package var source: String
    package var date: Day?
    package var summary: String
    package var principles: [String]
    package var value: ValueStage?
    package var kind: String?
    package var purpose: String?

    /// `communityTitle` is the title of `item.community` (looked up by the caller, once per export).
    package init(_ item: EvidenceItem, site: Site, communityTitle: String?) {
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
    package static func url(of path: String, baseURL: String?) -> String? {
        baseURL.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + path }
    }

    /// `communities/x/index.html` -> `communities/x/`; `index.html` -> ``.
    package static func address(of outputPath: String) -> String {
        outputPath.hasSuffix("index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath
    }
}
