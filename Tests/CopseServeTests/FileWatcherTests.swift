@testable import CopseServe
import Foundation
import Testing

/// The watchers, on a hub folder of their own: every kind of change is reported (paths relative
/// to the hub), editors' side files and hidden files never are. Waits are bounded polls.
@Suite("Watching a hub for changes")
struct FileWatcherTests {
    /// A watcher on a fresh hub, with everything it reported.
    final class Watched: Sendable {
        let root: URL
        let watcher: any FileWatcher
        private let seen = Locked<[[String]]>([])

        init(_ method: WatchMethod) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("copse-watch-\(UUID().uuidString)")
            for folder in ["content/communities/leeds/meetings", "themes/mine"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for file in ["copse.yml", "content/index.md", "content/communities/leeds/meetings/2026-01-01-a.md", "themes/mine/page.mustache"] {
                try Data("start\n".utf8).write(to: root.appendingPathComponent(file))
            }
            let seen = seen
            watcher = try FileWatchers.start(root: root, method: method, quiet: .milliseconds(50)) { paths in
                seen.withLock { $0.append(paths) }
            }
        }

        var reported: Set<String> { Set(seen.current.joined()) }

        func waitFor(_ path: String) async -> Bool {
            await eventually { reported.contains(path) }
        }

        func write(_ path: String, _ text: String = "changed\n") throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }

        func finish() {
            watcher.stop()
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test(arguments: WatchMethod.allCases)
    func editCreateDeleteAndRenameAreReported(_ method: WatchMethod) async throws {
        let hub = try Watched(method)
        defer { hub.finish() }
        let meeting = "content/communities/leeds/meetings/2026-01-01-a.md"
        try hub.write(meeting, "changed text, a different size\n")
        #expect(await hub.waitFor(meeting))
        try hub.write("content/new.md")
        #expect(await hub.waitFor("content/new.md"))
        try FileManager.default.removeItem(at: hub.root.appendingPathComponent("content/index.md"))
        #expect(await hub.waitFor("content/index.md"))
        try FileManager.default.moveItem(at: hub.root.appendingPathComponent("content/new.md"),
                                         to: hub.root.appendingPathComponent("content/renamed.md"))
        #expect(await hub.waitFor("content/renamed.md"))
        try hub.write("copse.yml", "title: Changed hub title\n")
        #expect(await hub.waitFor("copse.yml"))
        try hub.write("themes/mine/page.mustache", "<p>changed template</p>\n")
        #expect(await hub.waitFor("themes/mine/page.mustache"))
    }

    @Test(arguments: WatchMethod.allCases)
    func aNewFolderIsWatchedToo(_ method: WatchMethod) async throws {
        let hub = try Watched(method)
        defer { hub.finish() }
        try FileManager.default.createDirectory(at: hub.root.appendingPathComponent("content/communities/york"), withIntermediateDirectories: true)
        #expect(await hub.waitFor("content/communities/york"))
        try hub.write("content/communities/york/community.md")
        #expect(await hub.waitFor("content/communities/york/community.md"))
        // Deeper still, and a folder renamed with files in it.
        try FileManager.default.createDirectory(at: hub.root.appendingPathComponent("content/communities/york/meetings"), withIntermediateDirectories: true)
        try hub.write("content/communities/york/meetings/2026-02-02-b.md")
        #expect(await hub.waitFor("content/communities/york/meetings/2026-02-02-b.md"))
        try FileManager.default.moveItem(at: hub.root.appendingPathComponent("content/communities/york"),
                                         to: hub.root.appendingPathComponent("content/communities/hull"))
        #expect(await hub.waitFor("content/communities/hull"))
        try hub.write("content/communities/hull/meetings/2026-03-03-c.md")
        #expect(await hub.waitFor("content/communities/hull/meetings/2026-03-03-c.md"))
    }

    @Test(arguments: WatchMethod.allCases)
    func savingByRenameIsReportedAndEditorsSideFilesAreNot(_ method: WatchMethod) async throws {
        let hub = try Watched(method)
        defer { hub.finish() }
        let sideFiles = ["content/.index.md.swp", "content/index.md~", "content/4913", "content/.#index.md",
                         "content/#index.md#", "content/.hidden.md"]
        for file in sideFiles { try hub.write(file) }
        try FileManager.default.createDirectory(at: hub.root.appendingPathComponent("content/.git"), withIntermediateDirectories: true)
        try hub.write("content/.git/index")
        // vim's way: write a new file beside the original, then rename it over the original.
        try hub.write("content/.index.md.tmp", "saved by rename\n")
        #expect(rename(hub.root.appendingPathComponent("content/.index.md.tmp").path, hub.root.appendingPathComponent("content/index.md").path) == 0)
        #expect(await hub.waitFor("content/index.md"))
        // The side files were written before the save, so they were seen first, if at all.
        for file in sideFiles + ["content/.git", "content/.git/index", "content/.index.md.tmp"] {
            #expect(!hub.reported.contains(file), "\(file) was reported")
        }
    }

    @Test func aThemesFolderMadeAfterTheStartIsWatched() async throws {
        let hub = try Watched(.automatic)
        defer { hub.finish() }
        try FileManager.default.removeItem(at: hub.root.appendingPathComponent("themes"))
        #expect(await hub.waitFor("themes"))
        try FileManager.default.createDirectory(at: hub.root.appendingPathComponent("themes/other/partials"), withIntermediateDirectories: true)
        try hub.write("themes/other/partials/footer.mustache")
        #expect(await hub.waitFor("themes/other/partials/footer.mustache"))
    }

    @Test func aBurstOfChangesIsReportedTogether() async throws {
        let hub = try Watched(.automatic)
        defer { hub.finish() }
        // Written one after the other, far quicker than the watcher's quiet time on an idle
        // machine; on a busy one they may come in more than one report, but all come.
        for index in 0..<20 { try hub.write("content/burst-\(index).md") }
        #expect(await eventually { (0..<20).allSatisfy { hub.reported.contains("content/burst-\($0).md") } })
    }
}

extension WatchMethod: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
