import Foundation

/// The git history read on a thread of its own while the pages are parsed.
final class PendingHistory: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written by the reading thread before it leaves `done`; read only after `done` is waited for.
    private var history: GitHistory?

    /// Starts reading, unless the options turn git dates off (nil) or give the history.
    static func start(_ options: BuildOptions) -> PendingHistory? {
        guard options.gitDates else { return nil }
        let pending = PendingHistory()
        if let given = options.gitHistory {
            pending.history = given
            return pending
        }
        pending.done.enter()
        let root = options.root
        Thread.detachNewThread {
            var clock = StageClock()
            pending.history = GitHistory.read(root: root)
            clock.lap("git history (in parallel)")
            pending.done.leave()
        }
        return pending
    }

    /// The history, once read; nil when the hub is not in a git work tree or there is no git.
    func wait() -> GitHistory? {
        done.wait()
        return history
    }
}
