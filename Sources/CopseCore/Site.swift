/// What kind of page a Markdown file is, from where it sits in `content/`.
public enum PageKind: String, Sendable, Hashable {
    /// `content/index.md`
    case home
    /// `content/communities/<c>/community.md`: the community's home page.
    case community
    /// Founding documents, planning-template parts and any other page.
    case document
    /// `content/communities/<c>/meetings/*.md`
    case meeting
    /// `content/resources/*.md` (hub-wide) and `content/communities/<c>/resources/*.md`
    case resource
}

/// The founding documents of a community, in the order of the planning template.
public enum FoundingDocument: String, Sendable, CaseIterable, Comparable {
    case charter, norms, purpose, membership, leadership, plan, results, practice

    public var label: String {
        switch self {
        case .charter: "Charter"
        case .norms: "Norms"
        case .purpose: "Purpose"
        case .membership: "Membership"
        case .leadership: "Leadership"
        case .plan: "Collaborative plan"
        case .results: "Results and celebrations"
        case .practice: "Connection to practice"
        }
    }

    public static func < (lhs: FoundingDocument, rhs: FoundingDocument) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A published page: a parsed file placed in the site.
public struct SitePage: Sendable {
    public var parsed: ParsedPage
    public var kind: PageKind
    /// The community folder name, for pages under `content/communities/<c>/`.
    public var community: String?
    public var founding: FoundingDocument?
    public var title: String
    /// Meeting day (required for meetings), otherwise the front matter `date`.
    public var date: Day?
    /// Output file relative to the site root: `communities/x/charter/index.html`.
    public var outputPath: String
    /// Built only because of `--drafts`.
    public var isDraft: Bool
    /// Target of each of `parsed.markdown.links` (filled by link resolution).
    public var resolvedLinks: [ResolvedLink] = []
    /// The last commit that changed the source file; nil without git dates, or when the file
    /// has never been committed.
    public var lastChange: LastChange?
}

/// Where a link in a page goes, once resolved.
public struct ResolvedLink: Sendable, Hashable {
    /// Output path relative to the site root (`communities/x/charter/index.html`); empty for a
    /// link to a fragment of the page itself.
    public var path: String
    /// `#id`, or empty.
    public var fragment: String
    /// The target page when the link goes to a Markdown page.
    public var page: PageID?
    /// What a wiki link without a label shows: the target's title (and heading).
    public var title: String
    /// A broken link reported as a warning (`links: { broken: warning }`): published as its
    /// text, not as a link.
    public var isBroken = false

    public init(path: String, fragment: String = "", page: PageID? = nil, title: String = "") {
        self.path = path
        self.fragment = fragment
        self.page = page
        self.title = title
    }

    /// The link's URL as written into a page whose way back to the site root is `root` (`../../`).
    public func url(root: String) -> String {
        path.isEmpty ? fragment : root + path + fragment
    }
}

public struct Community: Sendable {
    /// Folder name under `content/communities/`.
    public var id: String
    public var title: String
    /// Its `community.md`, when it exists.
    public var profile: PageID?
    /// Founding documents in template order, then other documents by title.
    public var documents: [PageID]
    /// Oldest first.
    public var meetings: [PageID]
    /// By title.
    public var resources: [PageID]
    public var outputPath: String { "communities/\(id)/index.html" }
}

/// A non-Markdown file under `content/`, copied as it is.
public struct StaticFile: Sendable, Hashable {
    /// Relative to `content/`; also its path in the output.
    public var contentPath: String

    public init(contentPath: String) { self.contentPath = contentPath }
}

/// Everything later stages need, with every page placed and every link resolved.
public struct Site: Sendable {
    public var config: Config
    public var today: Day
    public var pages: [SitePage]
    /// By title. Published communities only: a draft community previewed with `--drafts` is in
    /// ``draftCommunities``, so nothing that lists communities can list it.
    public var communities: [Community]
    /// Communities whose `community.md` is a draft, built only for a `--drafts` preview.
    public var draftCommunities: [Community] = []
    public var home: PageID?
    /// Hub-wide resources by title.
    public var hubResources: [PageID]
    /// Hub-level documents (not in a community, not resources, not the home page) by title.
    public var hubDocuments: [PageID]
    public var staticFiles: [StaticFile]
    /// Backlinks, resource use, meeting resources and tags (filled after link resolution).
    public var crossLinks = CrossLinks()
    /// Checked conference evidence of published pages (see ``EvidenceIndex``).
    public var evidence: [EvidenceItem] = []
    /// Markdown files under `content/` that are not published (private, draft, or in a private
    /// or draft community), relative to `content/`, sorted. Only their paths: the leak audit
    /// reads them again to check that none of their text reached the site.
    public var unpublished: [String] = []
    /// The hub folder's path inside its git repository (`hub/`), empty at the repository's root
    /// or when git was not asked: prefixed to `content/...` in "edit this page" addresses.
    public var repositoryPath = ""

    /// The community `id`, published or (in a `--drafts` preview) draft.
    public func community(_ id: String?) -> Community? {
        guard let id else { return nil }
        return communities.first { $0.id == id } ?? draftCommunities.first { $0.id == id }
    }
}
