/// The git history, read on a thread of its own while the pages are parsed.
typealias PendingHistory = Pending<GitHistory?>

extension Pending where Value == GitHistory? {
    /// Starts reading, unless the options turn git dates off (nil) or give the history.
    static func start(_ options: BuildOptions) -> PendingHistory? {
        guard options.gitDates else { return nil }
        if let given = options.gitHistory { return Pending(value: given) }
        let root = options.root
        return Pending {
            var clock = StageClock()
            defer { clock.lap("git history (in parallel)") }
            return GitHistory.read(root: root)
        }
    }
}
