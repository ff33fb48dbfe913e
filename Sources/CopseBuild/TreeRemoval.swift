import CopseCore
import Foundation

/// Removes a folder and everything in it with plain system calls, on all cores, following no
/// link: a link inside is removed itself, never what it leads to, and every folder is entered
/// relative to the one holding it (so no path is looked up again through a link put there
/// meanwhile). Best effort: what cannot be removed stays, and whoever cleans up next tries again.
enum TreeRemoval {
    /// Removes `path` (a file, a link or a folder). True when it is gone.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard let parent = FolderHandle(path: url.deletingLastPathComponent().path) else { return !exists(path) }
        return withExtendedLifetime(parent) { removeEntry(name, in: parent.descriptor) }
    }

    /// Removes `path`, relative to the open folder `folder` (a file, a link or a folder). True
    /// when it is gone.
    @discardableResult
    static func remove(_ path: String, in folder: Int32) -> Bool {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return removeEntry(path, in: folder) }
        let name = String(path[path.utf8.index(after: slash)...])
        let parent = openat(folder, String(path[..<slash]), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard parent >= 0 else { return errno == ENOENT }
        defer { close(parent) }
        return removeEntry(name, in: parent)
    }
}

private extension TreeRemoval {
    /// Folders holding at least this many folders have them removed in parallel.
    static let parallelFrom = 4

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Removes the entry `name` of the open folder `parent`.
    static func removeEntry(_ name: String, in parent: Int32) -> Bool {
        if unlinkat(parent, name, 0) == 0 || errno == ENOENT { return true }
        // Linux says EISDIR for a folder, POSIX allows EPERM.
        guard errno == EISDIR || errno == EPERM else { return false }
        return removeFolder(name, in: parent)
    }

    static func removeFolder(_ name: String, in parent: Int32) -> Bool {
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            // Not a folder (any more): a file or a link, removed itself.
            if errno == ENOTDIR || errno == ELOOP { return unlinkat(parent, name, 0) == 0 || errno == ENOENT }
            return errno == ENOENT
        }
        guard let listing = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(listing) }
        // The whole listing first, then the removals: what readdir returns of a folder that
        // changes while it is read is unspecified.
        var files: [String] = []
        var folders: [String] = []
        var unknown: [String] = []
        while let entry = readdir(listing) {
            let type = entry.pointee.d_type
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            switch Int32(type) {
            case Int32(DT_DIR): folders.append(name)
            case Int32(DT_UNKNOWN): unknown.append(name)
            default: files.append(name)
            }
        }
        var complete = true
        for file in files where unlinkat(descriptor, file, 0) != 0 && errno != ENOENT { complete = false }
        for entry in unknown where !removeEntry(entry, in: descriptor) { complete = false }
        if folders.count >= parallelFrom {
            complete = !folders.parallelMap { removeFolder($0, in: descriptor) }.contains(false) && complete
        } else {
            for folder in folders where !removeFolder(folder, in: descriptor) { complete = false }
        }
        guard complete else { return false }
        return unlinkat(parent, name, AT_REMOVEDIR) == 0 || errno == ENOENT
    }
}
