import CopseCore
import CopseTemplate

/// The templates copse renders pages with, one per kind of page, and the context each gets.
/// A theme must have every one; each is checked against its context when the theme loads.
enum TemplateKind: String, CaseIterable, Sendable {
    case layout, home, community, document, meeting, resource, list, commons
    case evidenceIndex = "evidence-index", evidence, evidencePack = "evidence-pack", health, search, notFound = "404"

    init(_ kind: PageKind) {
        switch kind {
        case .home: self = .home
        case .community: self = .community
        case .document: self = .document
        case .meeting: self = .meeting
        case .resource: self = .resource
        }
    }

    /// The template's name in a theme (its file without `.mustache`).
    var template: String { rawValue }

    /// The names a template of this kind can use.
    var schema: TemplateSchema {
        switch self {
        case .layout: LayoutContext.schema
        case .home: HomeContext.schema
        case .community: CommunityContext.schema
        case .document: DocumentContext.schema
        case .meeting: MeetingContext.schema
        case .resource: ResourceContext.schema
        case .list: ListContext.schema
        case .commons: CommonsContext.schema
        case .evidenceIndex: EvidenceIndexContext.schema
        case .evidence: ConferenceContext.schema
        case .evidencePack: PackContext.schema
        case .health: HealthContext.schema
        case .search: SearchContext.schema
        case .notFound: NotFoundContext.schema
        }
    }

    /// What the template renders, for docs/theme-context.md.
    var purpose: String {
        switch self {
        case .layout: "the base layout the other templates inherit from (`{{<layout}}`); it sees the names of whichever page it renders"
        case .home: "the hub home page (`index.html`)"
        case .community: "a community home (`communities/<c>/index.html`)"
        case .document: "founding documents, planning parts, and any other page"
        case .meeting: "a meeting note"
        case .resource: "a resource (hub-wide or a community's)"
        case .list: "the tag index (`tags/index.html`) and each tag's page (`tags/<tag>/index.html`)"
        case .commons: "the resource commons: `resources/index.html` (most used first) and its other views, each its own page: "
            + "`resources/a-z/index.html`, `resources/kind/<kind>/index.html`, `resources/tag/<tag>/index.html`"
        case .evidenceIndex: "the conference evidence index (`evidence/index.html`)"
        case .evidence: "one conference's evidence (`evidence/<id>/index.html`)"
        case .evidencePack: "one conference's printable evidence pack (`evidence/<id>/pack/index.html`)"
        case .health: "the hub health table for organisers (`health/index.html`)"
        case .search: "the search page (`search/index.html`)"
        case .notFound: "the not-found page (`404.html`)"
        }
    }
}
