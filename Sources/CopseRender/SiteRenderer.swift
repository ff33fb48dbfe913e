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
        case .asset(let path): return .copy(theme.assetFiles[path] ?? theme.directory.appendingPathComponent(path))
        case .export(let position, let format): return .text(model.export(position, format))
        case .searchIndex: return .text(SearchIndex.javaScript(model))
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
        case .asset, .export, .searchIndex: return nil
        case let job: return job.prepare(model)
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
        }
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
        case .asset, .export, .searchIndex: preconditionFailure("assets, exports and the search index are not rendered from templates")
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
