import CopseCore
import Foundation

/// The leak audit's findings while files are written on all cores.
final class Findings: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [Diagnostic] = []

    func append(_ diagnostic: Diagnostic) { lock.withLock { found.append(diagnostic) } }

    var isEmpty: Bool { lock.withLock { found.isEmpty } }

    var all: [Diagnostic] { lock.withLock { found } }
}
