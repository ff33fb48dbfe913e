import CopseCore
import Foundation
import Mustache

/// The render stage: every page of the site through its theme template, in parallel.
public enum SiteRenderer {
    /// Renders every output file except static files (the build stage adds those).
    public static func render(_ site: Site, theme: Theme) -> [OutputFile] {
        let model = ViewModel(site: site)
        let jobs = Self.jobs(for: site)
        let library = theme.library
        var files = jobs.parallelMap { job -> OutputFile in
            let (path, template, context) = job.prepare(model)
            // Every required template was checked when the theme loaded, so rendering cannot miss one.
            guard let html = library.render(context, withTemplate: template) else {
                preconditionFailure("theme template '\(template)' vanished after loading")
            }
            return OutputFile(path: path, contents: .text(html))
        }
        for asset in theme.assets {
            files.append(OutputFile(path: asset, contents: .copy(theme.directory.appendingPathComponent(asset))))
        }
        return files
    }
}

/// One page to render.
enum RenderJob: Sendable {
    case page(Int)
    case generatedHome
    case generatedCommunity(Int)
    case resourcesList
    case notFound

    func prepare(_ model: ViewModel) -> (path: String, template: String, context: [String: Any]) {
        switch self {
        case .page(let index):
            let page = model.site.pages[index]
            return (page.outputPath, Self.template(for: page.kind), model.context(for: index))
        case .generatedHome:
            return ("index.html", "home", model.generatedHome())
        case .generatedCommunity(let index):
            let community = model.site.communities[index]
            return (community.outputPath, "community", model.generatedCommunityHome(community))
        case .resourcesList:
            return ("resources/index.html", "list", model.resourcesList())
        case .notFound:
            return ("404.html", "404", model.notFound())
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

private extension SiteRenderer {
    static func jobs(for site: Site) -> [RenderJob] {
        var jobs = site.pages.indices.map(RenderJob.page)
        if site.home == nil { jobs.append(.generatedHome) }
        for (index, community) in site.communities.enumerated() where community.profile == nil {
            jobs.append(.generatedCommunity(index))
        }
        jobs.append(.resourcesList)
        jobs.append(.notFound)
        return jobs
    }
}
