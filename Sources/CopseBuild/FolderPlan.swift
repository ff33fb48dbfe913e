import Foundation

/// Which folders the output needs and who makes them. A folder that holds exactly one file and
/// nothing else (a page's own `charter/` for `charter/index.html`) is made by whoever writes
/// that file; every other folder is shared and made up front, shallowest first.
struct FolderPlan {
    /// Shared folders grouped by depth, shallowest first.
    let sharedLevels: [[String]]
    /// For file `i`, the folder it must make itself, if any.
    let ownFolder: [Int: String]

    init(paths: [String]) {
        var filesIn: [String: [Int]] = [:]
        var parentsOfFolders = Set<String>()
        var all = Set<String>()
        for (index, path) in paths.enumerated() {
            let folder = Self.parent(of: path)
            filesIn[folder, default: []].append(index)
            var current = folder
            while !current.isEmpty, all.insert(current).inserted {
                let up = Self.parent(of: current)
                if !up.isEmpty { parentsOfFolders.insert(up) }
                current = up
            }
        }
        var own: [Int: String] = [:]
        var shared: [String] = []
        for folder in all {
            if let files = filesIn[folder], files.count == 1, !parentsOfFolders.contains(folder) {
                own[files[0]] = folder
            } else {
                shared.append(folder)
            }
        }
        let byDepth = Dictionary(grouping: shared) { $0.reduce(0) { $1 == "/" ? $0 + 1 : $0 } }
        sharedLevels = byDepth.keys.sorted().map { byDepth[$0]!.sorted() }
        ownFolder = own
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
