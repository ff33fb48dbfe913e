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

    /// Runs `audit`, adding the CPU time its thread spent on it to ``auditMilliseconds``.
    func timed<T>(_ audit: () -> T) -> T {
        let start = Self.threadCPUNanoseconds()
        defer { nanoseconds.add(Self.threadCPUNanoseconds() &- start, ordering: .relaxed) }
        return audit()
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Milliseconds spent auditing, summed over threads.
    var auditMilliseconds: Double { Double(nanoseconds.load(ordering: .relaxed)) / 1_000_000 }
}
