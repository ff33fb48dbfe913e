import Foundation

/// A value worked out on a thread of its own while the build goes on: the git history while the
/// pages are parsed (see ``PendingHistory``), the last build's manifest, copse.yml and the theme
/// while the content folder is scanned. One of the two cores would otherwise wait for stages that
/// use only one. A thread of its own, not the shared queue: git's work waits on a subprocess, and
/// the parse stage wants every thread of the shared queue.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written by the working thread before it leaves `done`; read only after `done` is waited for.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        Thread.detachNewThread {
            self.value = work()
            self.done.leave()
        }
    }

    /// A value known already.
    init(value: Value) {
        self.value = value
    }

    /// The value, once worked out.
    func wait() -> Value {
        done.wait()
        return value!
    }
}
