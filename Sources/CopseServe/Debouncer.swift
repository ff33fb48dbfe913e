/// Gathers a burst of changes into one: the changed paths are handed on once nothing more has
/// changed for `quiet`, or once the first has waited `longest` (a tool that never stops writing
/// still gets a rebuild now and then). Pure: the caller says what time it is.
struct Debouncer<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    let quiet: Duration
    let longest: Duration
    private(set) var pending: Set<String> = []
    private var first: Instant?
    private var last: Instant?

    init(quiet: Duration, longest: Duration) {
        self.quiet = quiet
        self.longest = longest
    }

    mutating func note(_ paths: some Sequence<String>, at now: Instant) {
        pending.formUnion(paths)
        guard !pending.isEmpty else { return }
        if first == nil { first = now }
        last = now
    }

    /// How long the caller may wait for more changes before asking ``take(at:)``; nil: no limit.
    func wait(at now: Instant) -> Duration? {
        guard let first, let last else { return nil }
        let quietEnds = last.advanced(by: quiet), longestEnds = first.advanced(by: longest)
        let due = quietEnds < longestEnds ? quietEnds : longestEnds
        return due <= now ? .zero : now.duration(to: due)
    }

    /// The burst's paths, sorted, when it is over; nil while it goes on (or nothing changed).
    mutating func take(at now: Instant) -> [String]? {
        guard let wait = wait(at: now), wait == .zero else { return nil }
        defer { pending = []; first = nil; last = nil }
        return pending.sorted()
    }
}
