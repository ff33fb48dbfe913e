import CopseBuild
import CopseCore
import CopseTestSupport
import Dispatch
import Foundation
import Testing

/// The cache never makes a wrong site: a damaged cache means a full build, and the leak audit is
/// skipped only for bytes it found clean looking for the same passages.
@Suite struct CacheSafetyTests {
    /// A copy of the basic fixture hub, with its output and cache folders.
    struct Hub {
        let work: URL
        var root: URL { work.appendingPathComponent("hub") }
        var output: URL { root.appendingPathComponent("output") }
        var cache: URL { work.appendingPathComponent("cache") }

        init(_ fixture: String = "basic") throws {
            work = try Fixtures.temporaryFolder()
            try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/\(fixture)/input"), to: root)
        }

        func build(cache: Bool = true) -> BuildReport {
            var options = Fixtures.options(root: root, output: output)
            options.cache = cache ? self.cache : nil
            return Pipeline.run(options, write: true)
        }

        func clean() -> [String: Data] {
            let folder = work.appendingPathComponent("clean")
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(Pipeline.run(Fixtures.options(root: root, output: folder), write: true).succeeded)
            return Fixtures.tree(folder)
        }

        func write(_ path: String, _ text: String, atomically: Bool = false) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path), options: atomically ? .atomic : [])
        }
    }

    static let manifest = "manifest"

    /// What a damaged cache may hold, and whether it deserves a warning.
    static let damage: [(name: String, bytes: [UInt8], warns: Bool)] = [
        ("empty", [], true),
        ("random bytes", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, true),
        ("not UTF-8", [0xFF, 0xFE, 0x00, 0x41], true),
        ("another format version", Array("copse-build-cache 999\nwhatever\n".utf8), false),
    ]

    @Test(arguments: damage.indices) func aDamagedCacheMeansAFullBuildWithAtMostOneWarning(index: Int) throws {
        let (name, bytes, warns) = Self.damage[index]
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        #expect(hub.build().succeeded)
        try hub.write("content/index.md", "---\ntitle: Changed home\n---\n\nChanged after the cache was damaged.\n")
        try Data(bytes).write(to: hub.cache.appendingPathComponent(Self.manifest))
        let report = hub.build()
        #expect(report.succeeded, "\(name)")
        #expect(!report.upToDate && report.reusedFiles == 0, "\(name): the damaged cache was used")
        #expect(report.cacheWarnings.count == (warns ? 1 : 0), "\(name): \(report.cacheWarnings)")
        #expect(Fixtures.tree(hub.output) == hub.clean(), "\(name)")
        // And the cache is whole again.
        let next = hub.build()
        #expect(next.upToDate && next.cacheWarnings.isEmpty, "\(name)")
    }

    @Test func aManifestChangedAnywhereIsNotTrusted() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        #expect(hub.build().succeeded)
        let url = hub.cache.appendingPathComponent(Self.manifest)
        let text = try String(contentsOf: url, encoding: .utf8)
        // One hash digit of one file changed: the checksum no longer matches.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix("f ") && $0.hasSuffix(" index.html") })
        var line = Array(lines[index])
        line[2] = line[2] == "0" ? "1" : "0"
        var changed = lines
        changed[index] = Substring(String(line))
        try changed.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let report = hub.build()
        #expect(report.succeeded && !report.upToDate && report.reusedFiles == 0)
        #expect(report.cacheWarnings.count == 1)
        // Cut short: also refused.
        try String(text.prefix(text.count / 2)).write(to: url, atomically: true, encoding: .utf8)
        let again = hub.build()
        #expect(again.succeeded && !again.upToDate && again.cacheWarnings.count == 1)
    }

    @Test func aCacheThatIsAFolderIsIgnoredAndTheBuildSucceeds() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        try FileManager.default.createDirectory(at: hub.cache.appendingPathComponent("\(Self.manifest)/inside"), withIntermediateDirectories: true)
        let report = hub.build()
        #expect(report.succeeded)
        #expect(report.cacheWarnings.count <= 2)
        #expect(Fixtures.tree(hub.output) == hub.clean())
    }

    @Test func anUnchangedBuildWritesNothingAndAnEditRewritesOnlyWhatChanged() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        #expect(hub.build().succeeded)
        let charter = hub.output.appendingPathComponent("communities/leeds-primary/charter/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: charter)
        let noop = hub.build()
        #expect(noop.succeeded && noop.upToDate)
        #expect(try FileManager.default.attributesOfItem(atPath: charter)[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        let agreement = try String(contentsOf: hub.root.appendingPathComponent("content/agreement.md"), encoding: .utf8)
        try hub.write("content/agreement.md", agreement + "\nOne more sentence.\n")
        let edit = hub.build()
        #expect(edit.succeeded && !edit.upToDate && edit.reusedFiles > 0 && edit.reusedFiles < edit.fileCount)
        // The charter did not change: the same file (inode) with the same time.
        let after = try FileManager.default.attributesOfItem(atPath: charter)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(Fixtures.tree(hub.output) == hub.clean())
        // Without the cache, everything is written anew.
        let full = hub.build(cache: false)
        #expect(full.succeeded && full.reusedFiles == 0 && !full.upToDate)
        #expect(try FileManager.default.attributesOfItem(atPath: charter)[.systemFileNumber] as? Int != before[.systemFileNumber] as? Int)
    }

    /// Builds of one hub into one output with one cache, at the same time, while a page changes:
    /// each records the output it swapped in, so the next build still writes what a clean build
    /// writes.
    @Test func concurrentCachedBuildsLeaveACacheThatStillTellsTheTruth() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        #expect(hub.build().succeeded)
        let agreement = try String(contentsOf: hub.root.appendingPathComponent("content/agreement.md"), encoding: .utf8)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 6) { round in
            // Saved whole (a new file renamed over the old), as editors do: a build reads the old
            // page or the new one. (A page caught half-written fails a build, rightly.)
            if round % 2 == 1 { try? hub.write("content/agreement.md", agreement + "\nRound \(round).\n", atomically: true) }
            let report = hub.build()
            if !report.succeeded { failures.add("round \(round): " + report.diagnostics.map { "\($0.location.path): \($0.message)" }.joined(separator: "; ")) }
        }
        #expect(failures.all == [])
        try hub.write("content/agreement.md", agreement + "\nThe last word.\n")
        #expect(hub.build().succeeded)
        #expect(Fixtures.tree(hub.output) == hub.clean())
        let noop = hub.build()
        #expect(noop.upToDate)
        #expect(Fixtures.tree(hub.output) == hub.clean())
    }

    /// A file copied from content/ holds words that become private only later: its bytes did not
    /// change, but the audit looks for new passages, so it reads the file again and stops the build.
    @Test func theLeakAuditReadsUnchangedFilesAgainWhenWhatItLooksForChanged() throws {
        let hub = try Hub("evidence")
        defer { try? FileManager.default.removeItem(at: hub.work) }
        let words = "the tortoise crossed the orchard slowly at dawn"
        try hub.write("content/communities/leeds/notes.txt", "Notes\n\n\(words)\n")
        #expect(hub.build().succeeded)
        let previous = Fixtures.tree(hub.output)
        let meeting = "content/communities/leeds/meetings/2026-09-01-private.md"
        let text = try String(contentsOf: hub.root.appendingPathComponent(meeting), encoding: .utf8)
        try hub.write(meeting, text + "\n\(words)\n")
        let report = hub.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.location.path == "content/communities/leeds/notes.txt" && $0.severity == .error })
        #expect(Fixtures.tree(hub.output) == previous)
        // The same again, the output and cache as they were: still refused.
        #expect(!hub.build().succeeded)
    }

    /// The evidence pack is keyed by what each item's text is made from, not by the text: a new
    /// title of a page an item links to, a new address for it, and a new line of the item's own
    /// text each make a new pack; a change it does not show leaves the pack file as it was.
    @Test func theEvidencePackIsMadeAgainWhenWhatItsItemsShowChanges() throws {
        let hub = try Hub("evidence")
        defer { try? FileManager.default.removeItem(at: hub.work) }
        let item = "content/communities/leeds/meetings/2026-05-06-pairs.md"
        let text = try String(contentsOf: hub.root.appendingPathComponent(item), encoding: .utf8) + "\nWe wrote up [[aims]].\n"
        try hub.write(item, text)
        let aims = "content/communities/leeds/aims.md"
        try hub.write(aims, "---\ntitle: Our aims\n---\n\nTo teach well.\n")
        #expect(hub.build().succeeded)
        let pack = "evidence/2027/pack/index.html"
        let inode = { try FileManager.default.attributesOfItem(atPath: hub.output.appendingPathComponent(pack).path)[.systemFileNumber] as? Int }
        let first = try inode()

        // Not shown by the pack: the pack stays the file it was.
        try hub.write("content/communities/york/community.md", "---\ntitle: York Secondary\nregion: York\n---\n\nA new line.\n")
        #expect(hub.build().succeeded)
        #expect(try inode() == first)

        let edits: [(shown: String, edit: () throws -> Void)] = [
            (">Why Leeds meets at all</a>", { try hub.write(aims, "---\ntitle: Why Leeds meets at all\n---\n\nTo teach well.\n") }),
            // [[aims]] is looked for in the item's community first, then among the resources.
            ("resources/aims/index.html", {
                try FileManager.default.moveItem(at: hub.root.appendingPathComponent(aims),
                                                 to: hub.root.appendingPathComponent("content/resources/aims.md"))
            }),
            ("A line of the item's own", { try hub.write(item, text + "\nA line of the item's own.\n") }),
        ]
        for (shown, edit) in edits {
            try edit()
            let report = hub.build()
            #expect(report.succeeded && !report.upToDate, "\(shown)")
            let output = Fixtures.tree(hub.output)
            #expect(output == hub.clean(), "\(shown)")
            let page = try #require(output[pack].flatMap { String(data: $0, encoding: .utf8) })
            #expect(page.contains(shown), "\(shown)")
        }
    }
}

/// What went wrong in builds run at the same time.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
