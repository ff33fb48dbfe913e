import CopseCore
import CopseTemplate

/// One output file of the render stage: a page rendered from a theme template, or a file copse
/// writes itself.
enum RenderJob: Sendable {
    case template(TemplateJob)
    case file(FileJob)

    /// Listed in the sitemap: the HTML pages a reader may arrive at (not the not-found page, nor
    /// the printable evidence pack, which repeats the conference's pages).
    var inSitemap: Bool {
        switch self {
        case .template(.notFound), .template(.pack): false
        case .template: true
        case .file: false
        }
    }

    /// The Markdown page this job renders, if any.
    var pageIndex: PageID? {
        if case .template(.page(let index)) = self { index } else { nil }
    }
}

/// A page rendered from a theme template with a context (see docs/theme-context.md).
enum TemplateJob: Sendable {
    case page(PageID)
    case generatedHome
    case generatedCommunity(Int)
    /// A view of the commons: every resource, sorted or filtered.
    case commons(Commons.View)
    case tagIndex
    /// A tag page, by index into the site's tags.
    case tag(Int)
    case evidenceIndex
    /// A conference's evidence page, by the conference's `id`.
    case conference(String)
    /// A conference's printable evidence pack, by the conference's `id`.
    case pack(String)
    case health
    /// The search page (its index is a ``FileJob``).
    case search
    case notFound

    /// The template it is rendered with.
    func template(in model: ViewModel) -> TemplateKind {
        switch self {
        case .page(let index): TemplateKind(model.site.pages[index].kind)
        case .generatedHome: .home
        case .generatedCommunity: .community
        case .commons: .commons
        case .tagIndex, .tag: .list
        case .evidenceIndex: .evidenceIndex
        case .conference: .evidence
        case .pack: .evidencePack
        case .health: .health
        case .search: .search
        case .notFound: .notFound
        }
    }

    /// The context it is rendered with.
    func context(in model: ViewModel) -> TemplateValue {
        switch self {
        case .page(let index): model.context(for: index)
        case .generatedHome: model.generatedHome().templateValue
        case .generatedCommunity(let index): model.generatedCommunityHome(model.site.communities[index]).templateValue
        case .commons(let view): model.commonsPage(view).templateValue
        case .tagIndex: model.tagIndex().templateValue
        case .tag(let index): model.tagPage(model.site.crossLinks.tags[index]).templateValue
        case .evidenceIndex: model.evidenceIndex().templateValue
        case .conference(let id): model.conferencePage(id).templateValue
        case .pack(let id): model.evidencePack(id).templateValue
        case .health: model.healthPage().templateValue
        case .search: model.searchPage().templateValue
        case .notFound: model.notFound().templateValue
        }
    }

    func path(in model: ViewModel) -> String {
        switch self {
        case .page(let index): model.site.pages[index].outputPath
        case .generatedHome: "index.html"
        case .generatedCommunity(let index): model.site.communities[index].outputPath
        case .commons(let view): view.path
        case .tagIndex: "tags/index.html"
        case .tag(let index): ViewModel.tagPath(model.site.crossLinks.tags[index].slug)
        case .evidenceIndex: ViewModel.evidenceIndexPath
        case .conference(let id): ViewModel.evidencePath(id)
        case .pack(let id): ViewModel.packPath(id)
        case .health: ViewModel.healthPath
        case .search: ViewModel.searchPath
        case .notFound: "404.html"
        }
    }
}

/// A file copse writes without a template.
enum FileJob: Sendable {
    /// A theme asset, relative to the theme folder.
    case asset(String)
    /// A conference's evidence as CSV or JSON, by the conference's `id`.
    case export(String, EvidenceExport.Format)
    /// The search page's index (a script naming its parts).
    case searchIndex
    /// A part of the search index (from 1), holding a chunk of the pages.
    case searchIndexPart(Int)
    /// A feed, a calendar, the sitemap or robots.txt (only with `base_url`).
    case discovery(DiscoveryJob)

    func path(in model: ViewModel) -> String {
        switch self {
        case .asset(let path): path
        case .export(let id, let format): ViewModel.exportPath(id, format)
        case .searchIndex: SearchIndex.path
        case .searchIndexPart(let number): SearchIndex.partPath(number)
        case .discovery(let file): file.path(in: model.site)
        }
    }
}

/// The files that need the site's public address (`base_url`): planned only when it is set.
enum DiscoveryJob: Sendable {
    /// The Atom feeds, iCalendar files, sitemap and robots.txt.
    case hubFeed, hubCalendar, sitemap, robots
    /// A community's feed or calendar, by index into the site's communities.
    case communityFeed(Int), communityCalendar(Int)
    /// One meeting's own calendar file (the "add to my calendar" download on its page), by the
    /// index of its community and the meeting's page.
    case meetingCalendar(Int, PageID)

    func path(in site: Site) -> String {
        switch self {
        case .hubFeed: DiscoveryFiles.feed
        case .hubCalendar: DiscoveryFiles.calendar
        case .sitemap: DiscoveryFiles.sitemap
        case .robots: DiscoveryFiles.robots
        case .communityFeed(let index): DiscoveryFiles.communityFeed(site.communities[index].id)
        case .communityCalendar(let index): DiscoveryFiles.communityCalendar(site.communities[index].id)
        case .meetingCalendar(_, let page): DiscoveryFiles.meetingCalendar(pageOutputPath: site.pages[page].outputPath)
        }
    }
}
