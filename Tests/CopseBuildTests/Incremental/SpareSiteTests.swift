@testable import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// The site a build swaps out is kept in the cache folder and becomes the next build's staging
/// folder; whatever happens to it in between, the output is always a clean build's.
@Suite struct SpareSiteTests {
    typealias Hub = CacheSafetyTests.Hub

    static let charter = "communities/leeds-primary/charter/index.html"

    /// A hub built once, then edited and built again (so that a spare is kept), then edited again.
    static func hubWithASpare() throws -> Hub {
        let hub = try Hub()
        #expect(hub.build().succeeded)
        try edit(hub, "One more sentence.")
        #expect(hub.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: spare(hub).appendingPathComponent(OutputGuard.marker).path))
        try edit(hub, "And another.")
        return hub
    }

    static func spare(_ hub: Hub) -> URL { hub.cache.appendingPathComponent(SpareSite.folderName) }

    static func edit(_ hub: Hub, _ sentence: String) throws {
        let url = hub.root.appendingPathComponent("content/agreement.md")
        try hub.write("content/agreement.md", try String(contentsOf: url, encoding: .utf8) + "\n\(sentence)\n")
    }

    @Test func theSiteSwappedOutIsKeptAndTakenAgain() throws {
        let hub = try Self.hubWithASpare()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        let charter = hub.output.appendingPathComponent(Self.charter).path
        let before = try FileManager.default.attributesOfItem(atPath: charter)
        let spareFolder = try FileManager.default.attributesOfItem(atPath: Self.spare(hub).path)[.systemFileNumber] as? Int
        let report = hub.build()
        // The spare became the output.
        #expect(try FileManager.default.attributesOfItem(atPath: hub.output.path)[.systemFileNumber] as? Int == spareFolder)
        #expect(report.succeeded && report.reusedFiles > 0 && report.reusedFiles < report.fileCount)
        #expect(Fixtures.tree(hub.output) == hub.clean())
        // The unchanged charter is the same file, kept in the spare that became the output.
        let after = try FileManager.default.attributesOfItem(atPath: charter)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        // Nothing is left beside the output; the spare is in the cache folder.
        let beside = try FileManager.default.contentsOfDirectory(atPath: hub.root.path).filter { $0.contains("output") }.sorted()
        #expect(beside == [".output.lock", "output"])
        #expect(FileManager.default.fileExists(atPath: Self.spare(hub).appendingPathComponent(Self.charter).path))
        // Nothing changed since: nothing is done, and the output is still a clean build's.
        let noop = hub.build()
        #expect(noop.upToDate)
        #expect(Fixtures.tree(hub.output) == hub.clean())
    }

    /// The spare is claimed while the site is still being linked; a build that fails after that
    /// (here, a warning under --strict) puts it back, and the next build takes it.
    @Test func aBuildThatFailsAfterClaimingTheSpareGivesItBack() throws {
        let hub = try Self.hubWithASpare()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        let spareFolder = try FileManager.default.attributesOfItem(atPath: Self.spare(hub).path)[.systemFileNumber] as? Int
        let before = Fixtures.tree(hub.output)
        try Self.edit(hub, "A link to [nowhere](no-such-page.md).")
        var strict = Fixtures.options(root: hub.root, output: hub.output)
        strict.cache = hub.cache
        strict.strict = true
        let failed = Pipeline.run(strict, write: true)
        #expect(!failed.succeeded && !failed.diagnostics.isEmpty)
        #expect(Fixtures.tree(hub.output) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: Self.spare(hub).path)[.systemFileNumber] as? Int == spareFolder)
        let beside = try FileManager.default.contentsOfDirectory(atPath: hub.root.path).filter { $0.contains("output") }.sorted()
        #expect(beside == [".output.lock", "output"])
        try Self.edit(hub, "Mended.")
        try hub.write("content/agreement.md", try String(contentsOf: hub.root.appendingPathComponent("content/agreement.md"), encoding: .utf8)
            .replacingOccurrences(of: "A link to [nowhere](no-such-page.md).", with: ""))
        #expect(hub.build().succeeded)
        #expect(try FileManager.default.attributesOfItem(atPath: hub.output.path)[.systemFileNumber] as? Int == spareFolder)
        #expect(Fixtures.tree(hub.output) == hub.clean())
    }

    /// What may be done to a spare between builds, by hand or by another program.
    static let tampering: [(name: String, apply: @Sendable (URL, URL) throws -> Void)] = [
        ("a file added to a folder", { spare, _ in
            try Data("extra".utf8).write(to: spare.appendingPathComponent("communities/leeds-primary/extra.html")) }),
        ("a file added at the top", { spare, _ in try Data("extra".utf8).write(to: spare.appendingPathComponent("extra.html")) }),
        ("a file taken away", { spare, _ in try FileManager.default.removeItem(at: spare.appendingPathComponent(charter)) }),
        ("a file changed where it is (the output's too)", { spare, _ in try rewrite(spare.appendingPathComponent(charter)) }),
        ("a file changed and its time set back", { spare, _ in
            let url = spare.appendingPathComponent(charter)
            let time = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]
            try rewrite(url)
            try FileManager.default.setAttributes([.modificationDate: time as Any], ofItemAtPath: url.path) }),
        ("a folder replaced by a link to a folder outside", { spare, outside in
            let folder = spare.appendingPathComponent("communities/leeds-primary")
            try FileManager.default.removeItem(at: folder)
            try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: outside) }),
        ("a file replaced by a link to a file outside", { spare, outside in
            let file = spare.appendingPathComponent(charter)
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createSymbolicLink(at: file, withDestinationURL: outside.appendingPathComponent("charter/index.html")) }),
        ("the spare replaced by a file", { spare, _ in
            try FileManager.default.removeItem(at: spare)
            try Data("not a site".utf8).write(to: spare) }),
        ("the spare gone", { spare, _ in try FileManager.default.removeItem(at: spare) }),
    ]

    @Test(arguments: tampering.indices) func aSpareChangedBetweenBuildsNeverChangesTheSite(index: Int) throws {
        let (name, apply) = Self.tampering[index]
        let hub = try Self.hubWithASpare()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        // A folder outside the hub shaped like a community: removing a spare that links to it
        // must leave it whole.
        let outside = hub.work.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("charter"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("charter/index.html"))
        try apply(Self.spare(hub), outside)
        let report = hub.build()
        #expect(report.succeeded, "\(name)")
        #expect(report.cacheWarnings == [], "\(name)")
        #expect(Fixtures.tree(hub.output) == hub.clean(), "\(name)")
        #expect(Fixtures.tree(outside) == ["charter/index.html": Data("keep".utf8)], "\(name)")
        // And the next edit builds as a clean build does too.
        try Self.edit(hub, "A third.")
        #expect(hub.build().succeeded, "\(name)")
        #expect(Fixtures.tree(hub.output) == hub.clean(), "\(name)")
    }

    /// With no manifest to vouch for it, a spare is removed, never used; nor is one kept for a
    /// build into another output.
    @Test func aSpareNoManifestVouchesForIsRemoved() throws {
        let hub = try Self.hubWithASpare()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        try FileManager.default.removeItem(at: hub.cache.appendingPathComponent(BuildCache.fileName))
        let report = hub.build()
        #expect(report.succeeded && report.reusedFiles == 0)
        #expect(!FileManager.default.fileExists(atPath: Self.spare(hub).path))
        #expect(Fixtures.tree(hub.output) == hub.clean())
        // Kept again after the next build, and used by the one after.
        try Self.edit(hub, "A third.")
        #expect(hub.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: Self.spare(hub).path))
        var options = Fixtures.options(root: hub.root, output: hub.work.appendingPathComponent("elsewhere"))
        options.cache = hub.cache
        #expect(Pipeline.run(options, write: true).succeeded)
        #expect(!FileManager.default.fileExists(atPath: Self.spare(hub).path))
    }

    /// An output inside the cache folder (where the spare would be kept) gets no spare: taking
    /// one must never move the output itself.
    @Test func anOutputInTheCacheFolderHasNoSpare() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        var options = Fixtures.options(root: hub.root, output: Self.spare(hub))
        options.cache = hub.cache
        for round in 0..<3 {
            try Self.edit(hub, "Round \(round).")
            #expect(Pipeline.run(options, write: true).succeeded)
            #expect(Fixtures.tree(Self.spare(hub)) == hub.clean())
        }
    }

    /// Writes other bytes of the same length into the file where it is (the same inode).
    static func rewrite(_ url: URL) throws {
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        let length = try handle.seekToEnd()
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: Int(length)))
    }
}
