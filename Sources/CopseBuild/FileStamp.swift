import Foundation

/// What the file system says of a file without reading it: size, inode, modification and change
/// times. A file whose stamp is unchanged has not been written since (the check git's index makes);
/// the change time also moves when a file is renamed over or relinked, and cannot be set back.
struct FileStamp: Hashable, Sendable {
    var size: Int64
    var inode: UInt64
    var modified: Int64
    var changed: Int64
    var isFolder = false

    /// Nil when the path is neither a regular file nor a folder (following no link), or cannot be read.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp of `path` inside `folder` (as ``init(path:)``, the last part of the path not followed
    /// when it is a link). `"."` is the folder itself.
    init?(in folder: FolderHandle, path: String) {
        var info = stat()
        guard fstatat(folder.descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp of the file open as `descriptor`.
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    init(size: Int64, inode: UInt64, modified: Int64, changed: Int64, isFolder: Bool = false) {
        self.isFolder = isFolder
        self.size = size
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }
}

private extension FileStamp {
    init?(_ info: stat) {
        guard info.st_mode & S_IFMT == S_IFREG || info.st_mode & S_IFMT == S_IFDIR else { return nil }
        isFolder = info.st_mode & S_IFMT == S_IFDIR
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if os(Linux)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #else
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #endif
    }
}
