import Foundation

/// A folder opened once, so that the files in it are reached by paths relative to it: the system
/// walks only the part inside, and every file is looked up in the same folder even should another
/// build swap a new one in at the same path meanwhile. Closed when the last reference goes.
final class FolderHandle: Sendable {
    let descriptor: Int32

    /// Nil when `path` is not a folder (a link is not followed) or cannot be opened.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
