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

/// A ``Pending`` value whose work begins when the caller says (``start()``): at the point of a
/// build where a core falls idle, not before.
final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    private let lock = NSLock()
    /// Under the lock.
    private var pending: Pending<Value>?

    init(_ work: @escaping @Sendable () -> Value) { self.work = work }

    /// Begins the work on a thread of its own, unless it began already.
    func start() { _ = begun }

    /// Whether ``start()`` (or ``begun``) was called.
    var hasStarted: Bool { lock.withLock { pending != nil } }

    /// The work, begun now if it was not yet.
    var begun: Pending<Value> {
        lock.withLock {
            if let pending { return pending }
            let started = Pending(work)
            pending = started
            return started
        }
    }
}
