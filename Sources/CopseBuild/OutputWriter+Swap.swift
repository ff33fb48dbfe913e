import Foundation

extension OutputWriter {
    /// Exchanges staging and output atomically where the system allows (Linux renameat2), else
    /// renames the old output aside first. The old site then goes: moved to `stash` when given
    /// (true then), else removed.
    func swapIn(_ staging: URL, unique: String, stash: String? = nil) throws(WriteFailure) -> Bool {
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(unique)")
        if FileManager.default.fileExists(atPath: output.path) {
            if AtomicRename.exchange(staging.path, output.path) {
                // The new site is in place; the old one, now in the staging folder, goes. If that
                // fails the build still succeeded, and the next build removes the leftover.
                return Self.retire(staging.path, stash: stash)
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
        return FileManager.default.fileExists(atPath: old.path) && Self.retire(old.path, stash: stash)
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

private extension OutputWriter {
    /// Moves the site swapped out to `stash` (true then), or removes it: when there is no stash,
    /// when one is there already (a concurrent build's), or when it is on another file system.
    static func retire(_ old: String, stash: String?) -> Bool {
        if let stash, rename(old, stash) == 0 { return true }
        TreeRemoval.remove(old)
        return false
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
