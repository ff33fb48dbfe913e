import CopseCore

/// What git knows about the hub's content: read once per build with one `git log` over
/// `content/` (see ``GitHistory/read(root:environment:)``), or given in ``BuildOptions`` so
/// that tests are deterministic.
package struct GitHistory: Sendable, Equatable {
    /// The hub folder's path inside the repository, ending in `/` (`hub/`); empty at the root.
    package var repositoryPath: String
    /// A shallow clone: its oldest commit seems to add every file, so its dates are all wrong
    /// and none are used.
    package var isShallow: Bool
    /// The newest commit that changed each file, by path relative to `content/`.
    package var changes: [String: LastChange]
    /// Why git could not be read although the hub is in a work tree (shown as a warning), and
    /// how to fix it when copse knows.
    package var problem: String?
    package var problemHint: String?

    package init(repositoryPath: String = "", isShallow: Bool = false, changes: [String: LastChange] = [:],
                problem: String? = nil, problemHint: String? = nil) {
        self.repositoryPath = repositoryPath
        self.isShallow = isShallow
        self.changes = changes
        self.problem = problem
        self.problemHint = problemHint
    }

    /// The `--format` of the log ``changes(fromLog:contentPrefix:)`` reads: a commit starts with
    /// byte 1, then the author's name (`%aN`: `.mailmap` applies) and the author date.
    static let logFormat = "--format=%x01%aN%x00%ad"

    /// Reads the output of `git log --format=%x01%aN%x00%ad --date=short --name-only -z`, newest
    /// commit first: NUL-terminated fields, each commit `\u{1}author`, `YYYY-MM-DD`, then the
    /// paths it changed (the first one after a newline), relative to the repository root. Keeps
    /// the first (newest) commit of every path under `contentPrefix` (`hub/content/`), keyed by
    /// the rest of the path. Works on the bytes: a large history is a few megabytes.
    static func changes(fromLog log: [UInt8], contentPrefix: String) -> [String: LastChange] {
        let prefix = Array(contentPrefix.utf8)
        var changes: [String: LastChange] = [:]
        var author = ""
        var current: LastChange?
        /// 0: a path; 1: the date comes next; 2: the first path (after a newline) comes next.
        var expecting = 0
        log.withUnsafeBufferPointer { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0 { end += 1 }
                var field = bytes[start..<end]
                start = end + 1
                if field.first == 1 {
                    author = String(decoding: field.dropFirst(), as: UTF8.self)
                    current = nil
                    expecting = 1
                    continue
                }
                if expecting == 1 {
                    current = Day(iso: String(decoding: field, as: UTF8.self)).map { LastChange(day: $0, author: author) }
                    expecting = 2
                    continue
                }
                if expecting == 2, field.first == UInt8(ascii: "\n") { field = field.dropFirst() }
                expecting = 0
                guard let change = current, field.count > prefix.count, field.starts(with: prefix) else { continue }
                let path = String(decoding: field.dropFirst(prefix.count), as: UTF8.self)
                if changes[path] == nil { changes[path] = change }
            }
        }
        return changes
    }

    /// What the history adds to the site: each page's last change and the hub's place in the
    /// repository. A shallow clone gives no dates.
    var pageHistory: PageHistory {
        PageHistory(changes: isShallow ? [:] : changes, repositoryPath: repositoryPath)
    }

    /// The warnings this history gives a build: a shallow clone, or a git that failed.
    func diagnostics() -> [Diagnostic] {
        let gitFolder = SourceLocation(path: String(repeating: "../", count: repositoryPath.filter { $0 == "/" }.count) + ".git")
        var diagnostics: [Diagnostic] = []
        if isShallow {
            diagnostics.append(.warning(gitFolder,
                "this is a shallow clone, so the git history is cut short and every page's last-changed date would be wrong; pages show no git dates",
                hint: "fetch the whole history with 'git fetch --unshallow' (in CI, check out with 'fetch-depth: 0'), or build with --no-git-dates"))
        }
        if let problem {
            diagnostics.append(.warning(gitFolder, "could not read the git history: \(problem); pages show no git dates",
                                        hint: problemHint ?? "fix the problem git reports, or build with --no-git-dates"))
        }
        return diagnostics
    }
}
