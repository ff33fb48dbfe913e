import CopseCore
import Foundation

/// Writes the starting files of a hub, a community, a meeting note, a resource or an ejected
/// theme (`copse init`, `copse new`, `copse theme eject`). Never overwrites a file unless asked
/// to (`force`): when any file it would write exists, it lists them all and writes nothing.
package struct Scaffold: Sendable {
    /// The hub folder.
    package var root: URL
    /// How to print `root` before each path ("our-hub/"; "" for the current folder).
    package var shownRoot: String
    /// Today, for default meeting dates and the first conference.
    package var today: Day

    package init(root: URL, shownRoot: String = "", today: Day) {
        self.root = root
        self.shownRoot = shownRoot.isEmpty || shownRoot.hasSuffix("/") ? shownRoot : shownRoot + "/"
        self.today = today
    }
}

/// One file to write: its path from the hub folder and its text.
package struct ScaffoldFile: Sendable, Equatable {
    package var path: String
    package var bytes: [UInt8]

    package init(path: String, text: String) {
        self.path = path
        bytes = Array(text.utf8)
    }

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    package var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// What a scaffolding command did: the files it wrote (as printed) and what to do next.
package struct ScaffoldReport: Sendable, Equatable, CustomStringConvertible {
    package var written: [String]
    package var next: String

    package var description: String {
        (["Wrote \(written.count) file\(written.count == 1 ? "" : "s"):"] + written.map { "  " + $0 } + ["", "Next: " + next])
            .joined(separator: "\n")
    }
}

/// Why a scaffolding command wrote nothing: what is wrong, the files concerned, and the fix.
package struct ScaffoldError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    package var paths: [String]
    package var hint: String
    /// Further problems of the same request, reported with this one so that all are fixed at once.
    package var others: [ScaffoldError] = []

    package init(_ message: String, paths: [String] = [], hint: String) {
        self.message = message
        self.paths = paths
        self.hint = hint
    }

    /// The first of `problems`, carrying the rest; nil when there are none.
    package static func all(_ problems: [ScaffoldError]) -> ScaffoldError? {
        guard var first = problems.first else { return nil }
        first.others = Array(problems.dropFirst())
        return first
    }

    package var description: String {
        ((["error: " + message] + paths.map { "  " + $0 } + ["    hint: " + hint]) + others.map(\.description))
            .joined(separator: "\n")
    }
}

extension Scaffold {
    /// Writes `files` under `root`, or, when any of them exists and `force` is off, nothing.
    func write(_ files: [ScaffoldFile], force: Bool, next: String, forceHint: String) -> Result<ScaffoldReport, ScaffoldError> {
        let manager = FileManager.default
        let existing = files.filter { manager.fileExists(atPath: url($0.path).path) }.map { shown($0.path) }
        if !existing.isEmpty && !force {
            let count = existing.count == 1 ? "this file exists" : "these \(existing.count) files exist"
            return .failure(ScaffoldError("\(count) already, so nothing was written:", paths: existing, hint: forceHint))
        }
        for file in files {
            let target = url(file.path)
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: target, options: .atomic)
            } catch {
                return .failure(ScaffoldError("could not write \(shown(file.path))", paths: [],
                    hint: "check that the folder is writable by you (\(error.localizedDescription))"))
            }
        }
        return .success(ScaffoldReport(written: files.map { shown($0.path) }, next: next))
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// `path` as the user sees it, from the folder they ran copse in.
    func shown(_ path: String) -> String { shownRoot + path }

    /// Fails unless `root` holds a hub.
    func requireHub() -> ScaffoldError? {
        guard !FileManager.default.fileExists(atPath: url(Config.fileName).path) else { return nil }
        return ScaffoldError("there is no copse.yml in \(shownRoot.isEmpty ? "this folder" : shownRoot)", paths: [],
            hint: "run copse in the hub's folder or pass --root DIR; to start a new hub, run 'copse init DIR --title \"Your hub\"'")
    }
}
