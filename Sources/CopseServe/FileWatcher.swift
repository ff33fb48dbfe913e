import Foundation

/// Watches a hub's `copse.yml`, `content/` and `themes/` and calls back, on a thread of its own,
/// with the paths (relative to the hub) changed in each burst. See ``WatchFilter``.
protocol FileWatcher: Sendable {
    /// Stops watching; no callback starts after it returns.
    func stop()
}

/// How to find changes.
package enum WatchMethod: String, Sendable, CaseIterable {
    /// inotify on Linux, else polling.
    case automatic
    /// Every folder's entries looked at every half second (any system).
    case polling
}

enum FileWatchers {
    static func start(root: URL, method: WatchMethod, quiet: Duration,
                      onChange: @escaping @Sendable ([String]) -> Void) throws -> any FileWatcher {
        #if os(Linux)
        if method == .automatic {
            return try InotifyWatcher(root: root.path, quiet: quiet, onChange: onChange)
        }
        #endif
        return PollingWatcher(root: root.path, quiet: quiet, onChange: onChange)
    }
}

/// A watcher could not start.
struct WatchFailure: Error, CustomStringConvertible {
    var description: String
}
