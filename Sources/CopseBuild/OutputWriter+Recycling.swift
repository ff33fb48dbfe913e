import CopseCore
import Foundation

extension OutputWriter {
    /// The folders a staging folder holds already.
    enum StagingFolders: Sendable {
        case none, all
        case some(Set<String>)

        func contains(_ folder: String) -> Bool {
            switch self {
            case .none: false
            case .all: true
            case .some(let folders): folders.contains(folder)
            }
        }
    }

    /// Rids a recycled staging folder of the files and folders the new site (`paths`, `folders`)
    /// does not hold, and says which folders it holds already, and whether it removed anything
    /// (a folder that lost an entry has a new stamp). The copse marker is written again anyway.
    static func tidy(_ recycled: Recycled, paths: [String], folders: [String]) -> (StagingFolders, removed: Bool) {
        let root = recycled.folder.descriptor
        // After an edit both list the same files and folders in the same order.
        let sameFiles = recycled.files.count == paths.count + 1 && recycled.files.last == OutputGuard.marker
            && recycled.files.dropLast().elementsEqual(paths)
        if !sameFiles {
            let wanted = Set(paths)
            let gone = recycled.files.filter { $0 != OutputGuard.marker && !wanted.contains($0) }
            _ = withExtendedLifetime(recycled.folder) { gone.parallelMap { clear($0, in: root) } }
        }
        if recycled.folders == folders { return (.all, !sameFiles) }
        let wanted = Set(folders)
        // Parents are listed before the folders inside them: the innermost go first.
        for folder in recycled.folders.reversed() where !wanted.contains(folder) {
            if unlinkat(root, folder, AT_REMOVEDIR) != 0, errno != ENOENT {
                withExtendedLifetime(recycled.folder) { _ = TreeRemoval.remove(folder, in: root) }
            }
        }
        return (.some(Set(recycled.folders.filter(wanted.contains))), true)
    }

    /// The stamps of a recycled staging folder's folders (as `folders` lists them) that nothing
    /// changed since they were checked: the folders of the files that were not kept (`kept` has no
    /// stamp for them) got or lost an entry. Nil for each folder to stamp again.
    static func unchangedStamps(_ recycled: Recycled, folders: [String], paths: [String], kept: [FileStamp?]) -> [FileStamp?] {
        var touched = Set<String>()
        for (path, stamp) in zip(paths, kept) where stamp == nil { touched.insert(FolderPlan.parent(of: path)) }
        return zip(folders, recycled.folderStamps).map { touched.contains($0) ? nil : $1 }
    }

    /// Makes room at `path` in a recycled staging folder: whatever is there goes (a folder with
    /// everything in it; a link itself, never what it leads to).
    static func clear(_ path: String, in root: Int32) {
        if unlinkat(root, path, 0) == 0 || errno == ENOENT || errno == ENOTDIR { return }
        if errno == EISDIR || errno == EPERM { TreeRemoval.remove(path, in: root) }
    }
}
