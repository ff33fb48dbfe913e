import Foundation

/// Which folders the output needs and who makes them. A folder that holds exactly one file and
/// nothing else (a page's own `charter/` for `charter/index.html`) is made by whoever writes
/// that file; every other folder is shared and made up front, shallowest first.
struct FolderPlan: Sendable {
    /// Shared folders grouped by depth, shallowest first.
    let sharedLevels: [[String]]
    /// For file `i`, the folder it must make itself, if any.
    let ownFolder: [String?]
    /// Every folder, each before the folders inside it (the output folder itself not included).
    let all: [String]

    init(paths: [String]) {
        // Each folder once, in the order first met; a folder's parent is always met before it.
        var folders: [Folder] = []
        var numbers: [Substring: Int] = [:]
        numbers.reserveCapacity(paths.count)
        var lastParent: (path: Substring, number: Int)?
        for (index, path) in paths.enumerated() {
            let parent = Self.parent(of: path[...])
            guard !parent.isEmpty else { continue }
            // Files of one folder usually come together: no lookup for the second and later.
            if let last = lastParent, last.path == parent {
                folders[last.number].files += 1
                continue
            }
            if let number = numbers[parent] {
                folders[number].files += 1
                lastParent = (parent, number)
                continue
            }
            // A new folder in one already met (a page's own folder, usually): no chain to build.
            let above = Self.parent(of: parent)
            if let number = above.isEmpty ? -1 : numbers[above] {
                if number >= 0 { folders[number].hasFolders = true }
                numbers[parent] = folders.count
                folders.append(Folder(path: parent, files: 1, firstFile: index, hasFolders: false))
                lastParent = (parent, folders.count - 1)
                continue
            }
            // A new folder, and new folders above it, outermost first.
            var chain = [parent]
            var up = above
            while !up.isEmpty, numbers[up] == nil {
                chain.append(up)
                up = Self.parent(of: up)
            }
            if !up.isEmpty { folders[numbers[up]!].hasFolders = true }
            for (position, folder) in chain.reversed().enumerated() {
                numbers[folder] = folders.count
                folders.append(Folder(path: folder, files: 0, firstFile: index, hasFolders: position < chain.count - 1))
            }
            folders[folders.count - 1].files = 1
            lastParent = (parent, folders.count - 1)
        }
        var own = [String?](repeating: nil, count: paths.count)
        var levels: [[String]] = []
        var all: [String] = []
        all.reserveCapacity(folders.count)
        for folder in folders {
            let path = String(folder.path)
            all.append(path)
            if folder.files == 1, !folder.hasFolders {
                own[folder.firstFile] = path
            } else {
                let depth = folder.path.utf8.count { $0 == UInt8(ascii: "/") }
                while levels.count <= depth { levels.append([]) }
                levels[depth].append(path)
            }
        }
        sharedLevels = levels.filter { !$0.isEmpty }.map { $0.sorted() }
        ownFolder = own
        self.all = all
    }

    static func parent(of path: String) -> String { String(parent(of: path[...])) }
}

private extension FolderPlan {
    struct Folder {
        var path: Substring
        var files: Int
        /// The first file in it (the only one, when `files` is 1).
        var firstFile: Int
        var hasFolders: Bool
    }

    static func parent(of path: Substring) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[path.endIndex...] }
        return path[..<slash]
    }
}
