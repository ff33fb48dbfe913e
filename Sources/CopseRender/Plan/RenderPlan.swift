import CopseCore
import CopseTemplate
import Foundation

/// The render stage: what every output file of the theme is and how to produce it. Pages are
/// rendered on demand, so the build can render and write each page in one parallel pass.
package struct RenderPlan: Sendable {
    /// Output paths, relative to the output folder; `contents(at:)` takes an index into this.
    package let paths: [String]
    private let jobs: [RenderJob]
    private let model: ViewModel
    private let theme: Theme

    /// `searchChunks`: keep the search index's words for the next build of this process (see
    /// ``SearchChunks``).
    package init(site: Site, theme: Theme, searchChunks: SearchChunks? = nil) {
        var model = ViewModel(site: site)
        model.searchChunks = searchChunks
        self.model = model
        self.theme = theme
        // The evidence files of a conference are the largest of the site (the pack holds the
        // full page of every item): they go first, so that no core is left rendering one of them
        // alone at the end of the parallel pass.
        // The parts of the search index read every page's text: they start first too.
        var jobs: [RenderJob] = (0..<SearchIndex.partCount(site)).map { .file(.searchIndexPart($0 + 1)) } + [.file(.searchIndex)]
        for id in model.evidence.conferences.map(\.conference.id) {
            jobs += [.template(.pack(id)), .template(.conference(id)), .file(.export(id, .json)), .file(.export(id, .csv))]
        }
        // A community's feed holds the full notes of all its meetings: early, for the same reason.
        if model.address != nil {
            let discovery: [DiscoveryJob] = site.communities.indices.flatMap { [DiscoveryJob.communityFeed($0), .communityCalendar($0)] }
                + [.hubFeed, .hubCalendar, .sitemap, .robots]
                + site.communities.indices.flatMap { position in
                    model.calendarMeetings(site.communities[position]).map { DiscoveryJob.meetingCalendar(position, $0) }
                }
            jobs += discovery.map { .file(.discovery($0)) }
        }
        var pages: [TemplateJob] = site.pages.ids.map(TemplateJob.page)
        if site.home == nil { pages.append(.generatedHome) }
        for (index, community) in site.communities.enumerated() where community.profile == nil {
            pages.append(.generatedCommunity(index))
        }
        pages += model.commons.views.map(TemplateJob.commons)
        pages.append(.tagIndex)
        pages += site.crossLinks.tags.indices.map(TemplateJob.tag)
        pages += [.evidenceIndex, .health, .search, .notFound]
        jobs += pages.map(RenderJob.template)
        jobs += theme.assets.map { RenderJob.file(.asset($0)) }
        self.jobs = jobs
        paths = jobs.map { job in
            switch job {
            case .template(let page): page.path(in: model)
            case .file(let file): file.path(in: model)
            }
        }
    }

    /// The plan of `site`, which differs from this one's only in pages' text (see
    /// ``CopseCore/Site/replacing(text:)``): the same files, made from the new text.
    package func replacing(site: Site) -> RenderPlan {
        RenderPlan(self, model: model.replacing(site: site))
    }

    private init(_ plan: RenderPlan, model: ViewModel) {
        paths = plan.paths
        jobs = plan.jobs
        theme = plan.theme
        self.model = model
    }

    /// Renders (or, for an asset, points at) the file at `paths[index]`. Safe to call from any thread.
    package func contents(at index: Int, reads: BodyReads? = nil) -> OutputFile.Contents {
        let model = recording(reads)
        switch jobs[index] {
        case .template(let page): return .text(theme.render(page.template(in: model), context: page.context(in: model)))
        case .file(.asset(let path)): return theme.assetContents(path)
        case .file(.export(let id, let format)): return .text(model.export(id, format))
        case .file(.searchIndex): return .text(SearchIndex.javaScript(model))
        case .file(.searchIndexPart(let number)): return .text(SearchIndex.part(number, model))
        case .file(.discovery(let file)): return .text(discoveryFile(file, model: model))
        }
    }

    /// The name of the template and the complete context the file at `paths[index]` is rendered
    /// from (nil for a file copse writes without a template): given the theme, they decide the
    /// file's bytes, so an incremental build that finds both unchanged need not render it.
    package func templateInput(at index: Int, reads: BodyReads? = nil) -> (template: String, context: TemplateValue)? {
        guard case .template(let page) = jobs[index] else { return nil }
        let model = recording(reads)
        return (page.template(in: model).template, page.context(in: model))
    }

    /// The file at `paths[index]` rendered from `context`, which ``templateInput(at:)`` gave.
    package func rendered(at index: Int, context: TemplateValue) -> OutputFile.Contents {
        guard case .template(let page) = jobs[index] else { preconditionFailure("\(paths[index]) has no template") }
        return .text(theme.render(page.template(in: model), context: context))
    }

    /// The template and context the file at `paths[index]` is rendered from; nil for a file
    /// copse writes without a template. The parity tests render these with swift-mustache.
    package func renderInput(at index: Int) -> (template: String, context: TemplateValue)? {
        guard case .template(let page) = jobs[index] else { return nil }
        return (page.template(in: model).template, page.context(in: model))
    }
}

private extension RenderPlan {
    /// The model, recording into `reads` the pages whose text it reads.
    func recording(_ reads: BodyReads?) -> ViewModel {
        guard let reads else { return model }
        var model = self.model
        model.reads = reads
        return model
    }

    /// A feed, a calendar, the sitemap or robots.txt (planned only when `base_url` is set).
    func discoveryFile(_ job: DiscoveryJob, model: ViewModel) -> String {
        guard let address = model.address else { preconditionFailure("discovery files are planned only with a base_url") }
        switch job {
        case .hubFeed: return model.hubFeed(address)
        case .communityFeed(let position): return model.communityFeed(position, address)
        case .hubCalendar: return model.hubCalendar(address)
        case .communityCalendar(let position): return model.communityCalendar(position, address)
        case .meetingCalendar(let position, let page): return model.meetingCalendar(page, community: position, address)
        case .robots: return model.robots(address)
        case .sitemap:
            let outputs = zip(jobs, paths).compactMap { job, path in job.inSitemap ? (path, job.pageIndex) : nil }
            return model.sitemap(outputs, address)
        }
    }
}

