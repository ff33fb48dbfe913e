#if os(Linux)
import Foundation
import Glibc

/// Which inotify watch is which folder (relative to the hub; "" for the hub itself), and what an
/// event on one of them means: the changed paths that matter, after adding watches for new folders
/// and dropping those of folders moved or deleted.
struct InotifyTable: Sendable {
    let descriptor: Int32
    let root: String
    private(set) var folders: [Int32: String] = [:]
    /// The system's limit on watches was reached (`fs.inotify.max_user_watches`).
    private(set) var exhausted = false
    private let filter = WatchFilter()

    init(descriptor: Int32, root: String) {
        self.descriptor = descriptor
        self.root = root
    }

    /// The hub's folder, then `content/` and `themes/` with every folder below.
    mutating func watchHub() {
        add("", mask: Self.changes | UInt32(IN_ONLYDIR))
        for folder in WatchFilter.folders { _ = watchTree(folder) }
    }

    mutating func handle(descriptor watch: Int32, mask: UInt32, name: String) -> [String] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: make sure every folder is watched, and rebuild.
            for folder in WatchFilter.folders { _ = watchTree(folder) }
            return [WatchFilter.configFile]
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders.removeValue(forKey: watch)
            return []
        }
        guard let folder = folders[watch], !name.isEmpty else { return [] }
        let path = folder.isEmpty ? name : folder + "/" + name
        var changed: [String] = []
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & (UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)) != 0 { forget(path) }
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, filter.matters(path) { changed += watchTree(path) }
        }
        if filter.matters(path) { changed.append(path) }
        return changed
    }
}

private extension InotifyTable {
    static let changes = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_ATTRIB) | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO)

    /// Watches `relative` and every folder below it that matters. Returns every path found
    /// inside: files made in a new folder before its watch existed still count as changes.
    mutating func watchTree(_ relative: String) -> [String] {
        var found: [String] = []
        var visited: Set<String> = []
        var queue = [relative]
        while let folder = queue.popLast() {
            let absolute = root + "/" + folder
            guard let real = realPath(absolute), visited.insert(real).inserted,
                  add(folder, mask: Self.changes | UInt32(IN_ONLYDIR)) else { continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
            for name in names where !WatchFilter.ignored(name) {
                let path = folder + "/" + name
                found.append(path)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), isFolder.boolValue {
                    queue.append(path)
                }
            }
        }
        return found
    }

    @discardableResult
    mutating func add(_ relative: String, mask: UInt32) -> Bool {
        let watch = inotify_add_watch(descriptor, relative.isEmpty ? root : root + "/" + relative, mask)
        guard watch >= 0 else {
            if errno == ENOSPC { exhausted = true }
            return false
        }
        folders[watch] = relative
        return true
    }

    /// Drops the watches of `relative` and everything below it (it was moved or deleted).
    mutating func forget(_ relative: String) {
        for (watch, folder) in folders where folder == relative || folder.hasPrefix(relative + "/") {
            inotify_rm_watch(descriptor, watch)
            folders.removeValue(forKey: watch)
        }
    }

    func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
#endif
