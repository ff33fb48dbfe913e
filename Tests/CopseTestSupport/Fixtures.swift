import CopseBuild
import CopseCore
import Foundation
import Testing

/// Paths and helpers shared by the fixture tests.
package enum Fixtures {
    package static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let folder = repository.appendingPathComponent("Tests/Fixtures")
    package static let themes = repository.appendingPathComponent("themes")
    package static let today = Day(year: 2026, month: 11, day: 21)!
    /// `COPSE_RECORD=1 swift test` rewrites expectations instead of comparing.
    package static let recording = ProcessInfo.processInfo.environment["COPSE_RECORD"] == "1"

    /// Fails the test that just rewrote `what`, so that a recording run never passes unnoticed.
    package static func recorded(_ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        Issue.record("recorded \(what), review the diff (git diff) before committing", sourceLocation: sourceLocation)
    }

    package static func cases(_ kind: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(kind).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// A fresh temporary folder, removed by the caller.
    package static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("copse-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Git dates are off: the fixtures live in copse's own repository, whose history changes
    /// with every commit. Themes are searched as copse does: the hub's own first, then the shipped ones.
    package static func options(root: URL, output: URL? = nil, drafts: Bool = false, strict: Bool = false,
                        gitDates: Bool = false, gitHistory: GitHistory? = nil) -> BuildOptions {
        BuildOptions(root: root, output: output, includeDrafts: drafts, strict: strict, today: today,
                     themeSearchPath: [root.appendingPathComponent("themes"), themes],
                     gitDates: gitDates, gitHistory: gitHistory)
    }

    /// Copies a folder, keeping symbolic links as links.
    package static func copy(_ source: URL, to target: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name), to = target.appendingPathComponent(name)
            if let link = try? manager.destinationOfSymbolicLink(atPath: from.path) {
                try manager.createSymbolicLink(atPath: to.path, withDestinationPath: link)
            } else if (try? manager.contentsOfDirectory(atPath: from.path)) != nil {
                try copy(from, to: to)
            } else {
                try manager.copyItem(at: from, to: to)
            }
        }
    }

    /// Every regular file below `folder` with its bytes, keyed by relative path.
    package static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let path = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    /// Records every difference between two trees as a test issue.
    package static func expectSameTree(_ actual: [String: Data], _ expected: [String: Data], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for path in Set(expected.keys).subtracting(actual.keys).sorted() {
            Issue.record("missing from the output: \(path)", sourceLocation: sourceLocation)
        }
        for path in Set(actual.keys).subtracting(expected.keys).sorted() {
            Issue.record("unexpected file in the output: \(path)", sourceLocation: sourceLocation)
        }
        for path in Set(actual.keys).intersection(expected.keys).sorted() where actual[path] != expected[path] {
            let a = String(decoding: actual[path]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let e = String(decoding: expected[path]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            let got = line < a.count ? String(a[line]) : "<end>", wanted = line < e.count ? String(e[line]) : "<end>"
            Issue.record("\(path) differs at line \(line + 1):\n  got:      \(got)\n  expected: \(wanted)", sourceLocation: sourceLocation)
        }
    }
}

