import CopseCore
import Foundation

/// The render stage: what every output file of the theme is and how to produce it. Pages are
/// rendered on demand, so the build can render and write each page in one parallel pass.
public struct RenderPlan: Sendable {
    /// Output paths, relative to the output folder; `contents(at:)` takes an index into this.
    public let paths: [String]
    private let jobs: [RenderJob]
    private let model: ViewModel
    private let theme: Theme

    public init(site: Site, theme: Theme) {
        let model = ViewModel(site: site)
        self.model = model
        self.theme = theme
        // The evidence files of a conference are the largest of the site (the pack holds the
        // full page of every item): they go first, so that no core is left rendering one of them
        // alone at the end of the parallel pass.
        // The search index reads every page's text: it starts first too.
        var jobs: [RenderJob] = [.searchIndex]
        for position in model.evidence.conferences.indices {
            jobs += [.pack(position), .conference(position), .export(position, .json), .export(position, .csv)]
        }
        // A community's feed holds the full notes of all its meetings: early, for the same reason.
        if model.address != nil {
            jobs += site.communities.indices.flatMap { [RenderJob.communityFeed($0), .communityCalendar($0)] }
            jobs += [.hubFeed, .hubCalendar, .sitemap, .robots]
        }
        jobs += site.pages.indices.map(RenderJob.page)
        if site.home == nil { jobs.append(.generatedHome) }
        for (index, community) in site.communities.enumerated() where community.profile == nil {
            jobs.append(.generatedCommunity(index))
        }
        jobs += model.commons.views.map(RenderJob.commons)
        jobs.append(.tagIndex)
        jobs += site.crossLinks.tags.indices.map(RenderJob.tag)
        jobs.append(.evidenceIndex)
        jobs.append(.health)
        jobs.append(.search)
        jobs.append(.notFound)
        jobs += theme.assets.map(RenderJob.asset)
        self.jobs = jobs
        paths = jobs.map { $0.path(in: model) }
    }

    /// Renders (or, for an asset, points at) the file at `paths[index]`. Safe to call from any thread.
    public func contents(at index: Int) -> OutputFile.Contents {
        let job = jobs[index]
        switch job {
        case .asset(let path): return theme.assetContents(path)
        case .export(let position, let format): return .text(model.export(position, format))
        case .searchIndex: return .text(SearchIndex.javaScript(model))
        case .hubFeed, .communityFeed, .hubCalendar, .communityCalendar, .sitemap, .robots:
            return .text(discoveryFile(job))
        default: break
        }
        let (template, context) = job.prepare(model)
        // Every required template was checked when the theme loaded, so rendering cannot miss one.
        guard let html = theme.templates.render(template, context: context) else {
            preconditionFailure("theme template '\(template)' vanished after loading")
        }
        return .text(html)
    }

    /// The template and context the file at `paths[index]` is rendered from; nil for an asset.
    /// The parity tests render these with swift-mustache to check copse's renderer.
    public func renderInput(at index: Int) -> (template: String, context: [String: Any])? {
        switch jobs[index] {
        case let job where job.isTemplate: return job.prepare(model)
        default: return nil
        }
    }
}

private extension RenderPlan {
    /// A feed, a calendar, the sitemap or robots.txt (planned only when `base_url` is set).
    func discoveryFile(_ job: RenderJob) -> String {
        guard let address = model.address else { preconditionFailure("discovery files are planned only with a base_url") }
        switch job {
        case .hubFeed: return model.hubFeed(address)
        case .communityFeed(let position): return model.communityFeed(position, address)
        case .hubCalendar: return model.hubCalendar(address)
        case .communityCalendar(let position): return model.communityCalendar(position, address)
        case .robots: return model.robots(address)
        case .sitemap:
            let outputs = zip(jobs, paths).compactMap { job, path in job.inSitemap ? (path, job.pageIndex) : nil }
            return model.sitemap(outputs, address)
        default: preconditionFailure("not a discovery file")
        }
    }
}

/// One page to render.
enum RenderJob: Sendable {
    case page(Int)
    case generatedHome
    case generatedCommunity(Int)
    /// A view of the commons: every resource, sorted or filtered.
    case commons(Commons.View)
    case tagIndex
    /// A tag page, by index into the site's tags.
    case tag(Int)
    case evidenceIndex
    /// A conference's evidence page, by index into ``HubEvidence/conferences``.
    case conference(Int)
    /// A conference's printable evidence pack.
    case pack(Int)
    /// A conference's evidence as CSV or JSON (not a template).
    case export(Int, EvidenceExport.Format)
    case health
    /// The search page and its index (a script, not a template).
    case search
    case searchIndex
    case notFound
    /// A theme asset, relative to the theme folder.
    case asset(String)
    /// The Atom feeds, iCalendar files, sitemap and robots.txt (not templates; only with `base_url`).
    case hubFeed, hubCalendar, sitemap, robots
    /// A community's feed or calendar, by index into the site's communities.
    case communityFeed(Int), communityCalendar(Int)

    func path(in model: ViewModel) -> String {
        let site = model.site
        let conferenceID = { (position: Int) in model.evidence.conferences[position].conference.id }
        return switch self {
        case .page(let index): site.pages[index].outputPath
        case .generatedHome: "index.html"
        case .generatedCommunity(let index): site.communities[index].outputPath
        case .commons(let view): view.path
        case .tagIndex: "tags/index.html"
        case .tag(let index): ViewModel.tagPath(site.crossLinks.tags[index].slug)
        case .evidenceIndex: ViewModel.evidenceIndexPath
        case .conference(let position): ViewModel.evidencePath(conferenceID(position))
        case .pack(let position): ViewModel.packPath(conferenceID(position))
        case .export(let position, let format): ViewModel.exportPath(conferenceID(position), format)
        case .health: ViewModel.healthPath
        case .search: ViewModel.searchPath
        case .searchIndex: SearchIndex.path
        case .notFound: "404.html"
        case .asset(let path): path
        case .hubFeed: DiscoveryFiles.feed
        case .hubCalendar: DiscoveryFiles.calendar
        case .sitemap: DiscoveryFiles.sitemap
        case .robots: DiscoveryFiles.robots
        case .communityFeed(let index): DiscoveryFiles.communityFeed(site.communities[index].id)
        case .communityCalendar(let index): DiscoveryFiles.communityCalendar(site.communities[index].id)
        }
    }

    /// Rendered from a theme template (not an asset, an export or a discovery file).
    var isTemplate: Bool {
        switch self {
        case .asset, .export, .searchIndex, .hubFeed, .hubCalendar, .sitemap, .robots, .communityFeed, .communityCalendar: false
        default: true
        }
    }

    /// Listed in the sitemap: the HTML pages a reader may arrive at (not the not-found page, nor
    /// the printable evidence pack, which repeats the conference's pages).
    var inSitemap: Bool {
        switch self {
        case .notFound, .pack: false
        default: isTemplate
        }
    }

    /// The Markdown page this job renders, if any.
    var pageIndex: Int? {
        if case .page(let index) = self { index } else { nil }
    }

    func prepare(_ model: ViewModel) -> (template: String, context: [String: Any]) {
        switch self {
        case .page(let index):
            (Self.template(for: model.site.pages[index].kind), model.context(for: index))
        case .generatedHome: ("home", model.generatedHome())
        case .generatedCommunity(let index): ("community", model.generatedCommunityHome(model.site.communities[index]))
        case .commons(let view): ("commons", model.commonsPage(view))
        case .tagIndex: ("list", model.tagIndex())
        case .tag(let index): ("list", model.tagPage(model.site.crossLinks.tags[index]))
        case .evidenceIndex: ("evidence-index", model.evidenceIndex())
        case .conference(let position): ("evidence", model.conferencePage(position))
        case .pack(let position): ("evidence-pack", model.evidencePack(position))
        case .health: ("health", model.healthPage())
        case .search: ("search", model.searchPage())
        case .notFound: ("404", model.notFound())
        case .asset, .export, .searchIndex, .hubFeed, .hubCalendar, .sitemap, .robots, .communityFeed, .communityCalendar:
            preconditionFailure("assets, exports, the search index and discovery files are not rendered from templates")
        }
    }

    static func template(for kind: PageKind) -> String {
        switch kind {
        case .home: "home"
        case .community: "community"
        case .document: "document"
        case .meeting: "meeting"
        case .resource: "resource"
        }
    }
}
