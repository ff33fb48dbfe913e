/// What kind of page a Markdown file is, from where it sits in `content/`.
package enum PageKind: String, Sendable, Hashable {
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
package enum FoundingDocument: String, Sendable, CaseIterable, Comparable {
    case charter, norms, purpose, membership, leadership, plan, results, practice

    package var label: String {
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

    package static func < (lhs: FoundingDocument, rhs: FoundingDocument) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A published page placed in the site (the index stage): what it is, where it goes and what
/// it is called. Its links are resolved in the next stage (see ``SitePage``).
package struct PlacedPage: Sendable {
    package var parsed: ParsedPage
    package var kind: PageKind
    /// The community folder name, for pages under `content/communities/<c>/`.
    package var community: String?
    package var founding: FoundingDocument?
    package var title: String
    /// Meeting day (required for meetings), otherwise the front matter `date`.
    package var date: Day?
    /// Output file relative to the site root: `communities/x/charter/index.html`.
    package var outputPath: String
    /// Built only because of `--drafts`.
    package var isDraft: Bool
}

/// A page of the finished site: a ``PlacedPage`` with its links resolved and, when git was
/// read, its last change. Made whole by ``Site/init(linked:history:)``; nothing fills it in later.
package struct SitePage: Sendable {
    package let parsed: ParsedPage
    package let kind: PageKind
    /// The community folder name, for pages under `content/communities/<c>/`.
    package let community: String?
    package let founding: FoundingDocument?
    package let title: String
    /// Meeting day (required for meetings), otherwise the front matter `date`.
    package let date: Day?
    /// Output file relative to the site root: `communities/x/charter/index.html`.
    package let outputPath: String
    /// Built only because of `--drafts`.
    package let isDraft: Bool
    /// Target of each of `parsed.markdown.links`, in the same order.
    package let resolvedLinks: [ResolvedLink]
    /// The last commit that changed the source file; nil without git dates, or when the file
    /// has never been committed.
    package let lastChange: LastChange?

    package init(_ placed: PlacedPage, resolvedLinks: [ResolvedLink], lastChange: LastChange?) {
        parsed = placed.parsed
        kind = placed.kind
        community = placed.community
        founding = placed.founding
        title = placed.title
        date = placed.date
        outputPath = placed.outputPath
        isDraft = placed.isDraft
        self.resolvedLinks = resolvedLinks
        self.lastChange = lastChange
    }
}

/// Where a link in a page goes, once resolved.
package struct ResolvedLink: Sendable, Hashable {
    /// Output path relative to the site root (`communities/x/charter/index.html`); empty for a
    /// link to a fragment of the page itself.
    package var path: String
    /// `#id`, or empty.
    package var fragment: String
    /// The target page when the link goes to a Markdown page.
    package var page: PageID?
    /// What a wiki link without a label shows: the target's title (and heading).
    package var title: String
    /// A broken link reported as a warning (`links: { broken: warning }`): published as its
    /// text, not as a link.
    package var isBroken = false

    package init(path: String, fragment: String = "", page: PageID? = nil, title: String = "") {
        self.path = path
        self.fragment = fragment
        self.page = page
        self.title = title
    }

    /// The link's URL as written into a page whose way back to the site root is `root` (`../../`).
    package func url(root: String) -> String {
        path.isEmpty ? fragment : root + path + fragment
    }
}

package struct Community: Sendable {
    /// Folder name under `content/communities/`.
    package var id: String
    package var title: String
    /// Its `community.md`, when it exists.
    package var profile: PageID?
    /// Founding documents in template order, then other documents by title.
    package var documents: [PageID]
    /// Oldest first.
    package var meetings: [PageID]
    /// By title.
    package var resources: [PageID]
    package var outputPath: String { "communities/\(id)/index.html" }
}

/// A non-Markdown file under `content/`, copied as it is.
package struct StaticFile: Sendable, Hashable {
    /// Relative to `content/`; also its path in the output.
    package var contentPath: String

    package init(contentPath: String) { self.contentPath = contentPath }
}

/// The site after the index stage: every page placed, what must not be published left out, the
/// communities grouped. Nothing in it is resolved yet; ``LinkedSite`` is the next stage.
package struct IndexedSite: Sendable {
    package let config: Config
    package let today: Day
    package let pages: [PlacedPage]
    /// By title. Published communities only: a draft community previewed with `--drafts` is in
    /// ``draftCommunities``, so nothing that lists communities can list it.
    package let communities: [Community]
    /// Communities whose `community.md` is a draft, built only for a `--drafts` preview.
    package let draftCommunities: [Community]
    package let home: PageID?
    /// Hub-wide resources by title.
    package let hubResources: [PageID]
    /// Hub-level documents (not in a community, not resources, not the home page) by title.
    package let hubDocuments: [PageID]
    /// Every non-Markdown file under `content/` outside a hidden community.
    package let staticFiles: [StaticFile]
    /// Why each Markdown file under `content/` that is not published is left out, by path
    /// relative to `content/`.
    package let hidden: [String: HiddenReason]
    /// Markdown files under `content/` that could not be read or parsed: they count as existing.
    package let unreadable: Set<String>
}

/// The site after the link stage: every link of every page resolved, and what follows from the
/// links (cross-links, checked evidence, files only unpublished pages use) worked out.
package struct LinkedSite: Sendable {
    package let indexed: IndexedSite
    /// The targets of each page's links, by page, in the order of its `markdown.links`.
    package let links: [[ResolvedLink]]
    /// ``IndexedSite/staticFiles`` less the files only unpublished pages use.
    package let staticFiles: [StaticFile]
    package let crossLinks: CrossLinks
    package let evidence: [EvidenceItem]
}

/// What the git history adds to a site: each page's last change and the hub's place in its
/// repository.
package struct PageHistory: Sendable {
    /// The newest commit that changed each file, by path relative to `content/`.
    package var changes: [String: LastChange]
    /// The hub folder's path inside its git repository (`hub/`), empty at the repository's root.
    package var repositoryPath: String

    package init(changes: [String: LastChange], repositoryPath: String) {
        self.changes = changes
        self.repositoryPath = repositoryPath
    }
}

/// The finished site, the last stage (parsed -> indexed -> linked -> with history): everything
/// rendering needs, with every page placed and every link resolved. Each stage returns a whole
/// value; no field is filled in afterwards.
package struct Site: Sendable {
    package let config: Config
    package let today: Day
    package let pages: [SitePage]
    /// By title. Published communities only: a draft community previewed with `--drafts` is in
    /// ``draftCommunities``, so nothing that lists communities can list it.
    package let communities: [Community]
    /// Communities whose `community.md` is a draft, built only for a `--drafts` preview.
    package let draftCommunities: [Community]
    package let home: PageID?
    /// Hub-wide resources by title.
    package let hubResources: [PageID]
    /// Hub-level documents (not in a community, not resources, not the home page) by title.
    package let hubDocuments: [PageID]
    package let staticFiles: [StaticFile]
    /// Backlinks, resource use, meeting resources and tags.
    package let crossLinks: CrossLinks
    /// Checked conference evidence of published pages (see ``EvidenceIndex``).
    package let evidence: [EvidenceItem]
    /// Markdown files under `content/` that are not published (private, draft, or in a private
    /// or draft community), relative to `content/`, sorted. Only their paths: the leak audit
    /// reads them again to check that none of their text reached the site.
    package let unpublished: [String]
    /// The hub folder's path inside its git repository (`hub/`), empty at the repository's root
    /// or when git was not asked: prefixed to `content/...` in "edit this page" addresses.
    package let repositoryPath: String

    /// The last stage: the linked site with, when git was read, each page's last change.
    package init(linked: LinkedSite, history: PageHistory? = nil) {
        let indexed = linked.indexed
        config = indexed.config
        today = indexed.today
        pages = zip(indexed.pages, linked.links).map { placed, links in
            SitePage(placed, resolvedLinks: links, lastChange: history?.changes[placed.parsed.contentPath])
        }
        communities = indexed.communities
        draftCommunities = indexed.draftCommunities
        home = indexed.home
        hubResources = indexed.hubResources
        hubDocuments = indexed.hubDocuments
        staticFiles = linked.staticFiles
        crossLinks = linked.crossLinks
        evidence = linked.evidence
        unpublished = indexed.hidden.keys.sorted()
        repositoryPath = history?.repositoryPath ?? ""
    }

    /// The community `id`, published or (in a `--drafts` preview) draft.
    package func community(_ id: String?) -> Community? {
        guard let id else { return nil }
        return communities.first { $0.id == id } ?? draftCommunities.first { $0.id == id }
    }
}
