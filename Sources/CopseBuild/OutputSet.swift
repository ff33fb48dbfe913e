import CopseCore
import CopseRender
import CopseTemplate
import Foundation

/// Every file of the built site: the theme's rendered pages and assets, then the static files
/// from `content/`. Contents are produced on demand, so pages render while they are written.
struct OutputSet: Sendable {
    let plan: RenderPlan
    let content: URL
    let staticFiles: [StaticFile]

    var paths: [String] { plan.paths + staticFiles.map(\.contentPath) }

    func contents(at index: Int, reads: BodyReads? = nil) -> OutputFile.Contents {
        if index < plan.paths.count { return plan.contents(at: index, reads: reads) }
        return .copy(content.appendingPathComponent(staticFiles[index - plan.paths.count].contentPath))
    }

    /// The template and context of a file rendered from a template (see ``RenderPlan/templateInput(at:)``).
    func templateInput(at index: Int, reads: BodyReads? = nil) -> (template: String, context: TemplateValue)? {
        index < plan.paths.count ? plan.templateInput(at: index, reads: reads) : nil
    }

    func rendered(at index: Int, context: TemplateValue) -> OutputFile.Contents { plan.rendered(at: index, context: context) }

    /// All files in memory, in path order (for `check`, which renders but does not write, and tests).
    func materialise() -> [OutputFile] {
        let paths = self.paths
        return Array(paths.indices).parallelMap { OutputFile(path: paths[$0], contents: contents(at: $0)) }
            .sorted { $0.path < $1.path }
    }

    /// Static files that would overwrite a theme asset.
    func collisions() -> [Diagnostic] {
        // The few copied files looked for among the many rendered ones, not the other way round.
        let copied = Set(staticFiles.map(\.contentPath))
        let clashing = copied.isEmpty ? [] : Set(plan.paths.filter(copied.contains))
        return staticFiles.filter { clashing.contains($0.contentPath) }.map {
            .error(SourceLocation(path: "content/" + $0.contentPath),
                   "this file would overwrite \($0.contentPath) from the theme", hint: "rename or move the file")
        }
    }
}
