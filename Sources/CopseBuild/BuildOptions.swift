import CopseCore
import Foundation

package struct BuildOptions: Sendable {
    /// The hub: holds `copse.yml`, `content/` and `themes/`.
    package var root: URL
    package var output: URL
    package var includeDrafts: Bool
    /// Warnings fail the build too.
    package var strict: Bool
    /// The build's "today", for upcoming meetings. Injected so that output is reproducible.
    package var today: Day
    /// Folders holding themes, searched in order for `themes/<name>`'s folder; by default
    /// `<root>/themes`, then `$COPSE_THEMES`. After them come the themes built into copse (the
    /// default theme, see ``ThemeFiles``), so the executable alone builds any hub.
    package var themeSearchPath: [URL]
    /// Show when each page last changed, and who changed it, from the git history
    /// (`--no-git-dates` turns it off; then copse does not run git at all).
    package var gitDates: Bool
    /// The history to use instead of running git (tests); only read when `gitDates` is on.
    package var gitHistory: GitHistory?
    /// Replace an output folder that is not empty and was not written by copse (see ``OutputGuard``).
    package var force: Bool
    /// The incremental build's cache folder (see ``BuildCache``, and ``ParsedStore`` for the
    /// pages kept in its `parsed` folder); nil builds everything and keeps no cache. `copse build`
    /// uses `<root>/.copse-cache/build` unless `--no-cache`.
    package var cache: URL?
    /// Pages parsed by the earlier builds of this process (`copse serve`), looked up before the
    /// cache folder's; nil keeps none in memory.
    package var parsed: ParseCache?
    /// Set by ``Pipeline/run(_:write:)`` for a build that writes with a cache and keeps nothing
    /// for a next build of its process: its pages' HTML is kept out of memory, in the cache folder
    /// (see ``PageHTML``, ``SpilledHTML``), and this records whether all of it could be read back.
    package var storedHTML: StoredHTMLReads?
    /// The last good build of this process, for a quick rebuild when only pages' text changed
    /// (`copse serve`, see ``QuickRebuild``); nil builds as `copse build` does.
    package var quick: QuickRebuild?
    /// The process ends once this build has reported (`copse build` and `check`): what the build
    /// made is left for the system to take back at exit, at once, instead of being freed piece
    /// by piece (tens of milliseconds for a large hub). Never for a process that goes on.
    package var endsProcess = false

    package init(root: URL, output: URL? = nil, includeDrafts: Bool = false, strict: Bool = false,
                today: Day, themeSearchPath: [URL]? = nil, gitDates: Bool = true, gitHistory: GitHistory? = nil,
                force: Bool = false, cache: URL? = nil) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("output")
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.today = today
        self.themeSearchPath = themeSearchPath ?? Self.defaultThemeSearchPath(root: root)
        self.gitDates = gitDates
        self.gitHistory = gitHistory
        self.force = force
        self.cache = cache
    }

    /// As `copse serve` builds: with a cache, the pages parsed and the last good build are kept in
    /// memory between the builds of the process (see ``ParseCache`` and ``QuickRebuild``).
    package mutating func keepBuildsInMemory() {
        parsed = cache == nil ? nil : ParseCache()
        quick = cache == nil ? nil : QuickRebuild()
    }

    /// `<root>/.copse-cache/<name>`: where `copse build` (`build`) and `copse serve` (`serve/build`)
    /// keep their caches.
    package static func cacheFolder(root: URL, _ name: String = "build") -> URL {
        root.appendingPathComponent(".copse-cache").appendingPathComponent(name)
    }
}

extension BuildOptions {
    static func defaultThemeSearchPath(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var path = [root.appendingPathComponent("themes")]
        if let extra = environment["COPSE_THEMES"], !extra.isEmpty { path.append(URL(fileURLWithPath: extra)) }
        return path
    }
}

package extension Day {
    /// Today in the local time zone, or the day of `SOURCE_DATE_EPOCH` when it is set
    /// (the reproducible-builds convention).
    static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            return Day(daysSinceEpoch: Int((Double(epoch) / 86_400).rounded(.down)))
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
