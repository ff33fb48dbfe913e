import CopseBuild
import CopseCore
import Foundation

extension PreviewServer {
    /// The one call into the build: whatever makes `copse build` faster (an incremental cache)
    /// makes the preview faster with it. Same staging folder and swap as `copse build`, but for a
    /// quick rebuild (only pages' text changed, see ``CopseBuild/QuickRebuild``), which replaces
    /// the few files it makes again in place.
    static func build(_ options: BuildOptions) -> BuildReport {
        Pipeline.run(options, write: true)
    }

    /// Builds on a queue of its own (never on the threads that answer requests), then publishes
    /// the outcome and tells every open page.
    func rebuild(changed: [String]) async {
        var settings = options.build
        settings.output = options.siteFolder
        let buildOptions = settings
        let started = ContinuousClock.now
        let report = await withCheckedContinuation { (done: CheckedContinuation<BuildReport, Never>) in
            buildQueue.async { done.resume(returning: Self.build(buildOptions)) }
        }
        let seconds = started.duration(to: .now)
        guard !isStopped else { return }
        let build = state.withLock { state -> String in
            state.finished += 1
            if report.succeeded {
                state.hasSite = true
                state.problems = []
            } else {
                state.problems = report.diagnostics.isEmpty
                    ? [.error(SourceLocation(path: WatchFilter.configFile), "the build failed without saying why",
                              hint: "run copse check to see more")]
                    : report.diagnostics
            }
            return state.build
        }
        channel.announce(build)
        log(Self.line(report, seconds: seconds, changed: changed))
    }

    /// `Built 25 pages in 0.84 s`, `Rebuilt in 0.21 s (content/x.md)`,
    /// `Rebuilt in 0.05 s (content/x.md; only its text changed)`,
    /// `Build failed: 2 errors (shown in the browser)`.
    static func line(_ report: BuildReport, seconds: Duration, changed: [String]) -> String {
        guard report.succeeded else {
            let errors = max(report.diagnostics.errorCount, 1)
            return "Build failed: \(errors) error\(errors == 1 ? "" : "s") (shown in the browser)"
        }
        let time = String(format: "%.2f", Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18)
        guard let first = changed.first else { return "Built \(report.pageCount) pages in \(time) s" }
        let quick = report.quick ? (changed.count > 1 ? "; only their text changed" : "; only its text changed") : ""
        return "Rebuilt in \(time) s (\(first)\(changed.count > 1 ? " and \(changed.count - 1) more" : "")\(quick))"
    }
}
