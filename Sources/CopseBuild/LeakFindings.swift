import CopseCore
import Foundation
import Synchronization

/// The leak audit's findings while files are written on all cores.
final class Findings: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [Diagnostic] = []

    func append(_ diagnostic: Diagnostic) { lock.withLock { found.append(diagnostic) } }

    var isEmpty: Bool { lock.withLock { found.isEmpty } }

    var all: [Diagnostic] { lock.withLock { found } }

    /// CPU time spent auditing, summed over every thread, for `COPSE_TIMINGS`.
    private let nanoseconds = Atomic<UInt64>(0)

    /// Runs `audit`, adding the time it took to ``auditTime``.
    func timed<T>(_ audit: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { nanoseconds.add(DispatchTime.now().uptimeNanoseconds - start, ordering: .relaxed) }
        return audit()
    }

    /// Milliseconds spent auditing, summed over threads.
    var auditMilliseconds: Double { Double(nanoseconds.load(ordering: .relaxed)) / 1_000_000 }
}
