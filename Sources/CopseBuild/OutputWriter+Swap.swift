import Foundation

extension OutputWriter {
    /// Exchanges staging and output atomically where the system allows (Linux renameat2), else
    /// renames the old output aside first. Removes the old site afterwards.
    func swapIn(_ staging: URL, unique: String) throws(WriteFailure) {
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(unique)")
        if FileManager.default.fileExists(atPath: output.path) {
            if AtomicRename.exchange(staging.path, output.path) {
                // The new site is in place; the old one, now in the staging folder, goes. If that
                // fails the build still succeeded, and the next build removes the leftover.
                TreeRemoval.remove(staging.path)
                return
            }
            guard rename(output.path, old.path) == 0 else {
                throw WriteFailure(action: "move the previous output aside from", path: output.path, code: errno)
            }
        }
        guard rename(staging.path, output.path) == 0 else {
            let code = errno
            // Put the previous site back where it was.
            if FileManager.default.fileExists(atPath: old.path) { _ = rename(old.path, output.path) }
            throw WriteFailure(action: "move the new site into", path: output.path, code: code)
        }
        if FileManager.default.fileExists(atPath: old.path) { TreeRemoval.remove(old.path) }
    }

    /// Staging folders of builds that died (their process is gone).
    func removeAbandonedStaging(in parent: URL, name: String) {
        let prefixes = [".\(name).staging-", ".\(name).old-"]
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries {
            guard let prefix = prefixes.first(where: entry.hasPrefix),
                  let pid = entry.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }),
                  pid == getpid() ? !ActiveStaging.shared.contains(parent.appendingPathComponent(entry).path) : kill(pid, 0) != 0
            else { continue }
            TreeRemoval.remove(parent.appendingPathComponent(entry).path)
        }
    }
}

/// The staging folders this process is filling now: a later build in the same process (a
/// server rebuilding on change) removes any other staging folder of this process it finds.
final class ActiveStaging: @unchecked Sendable {
    static let shared = ActiveStaging()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
}
