import CopseBuild
import Dispatch
import CopseTestSupport
import Foundation
import Testing

@Suite struct OutputSwapTests {
    @Test func aSuccessfulBuildReplacesTheWholeOutput() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        let output = work.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: output.appendingPathComponent("removed-page.html"))
        try Data(OutputGuard.markerText.utf8).write(to: output.appendingPathComponent(OutputGuard.marker))
        #expect(Pipeline.run(Fixtures.options(root: work), write: true).succeeded)
        let tree = Fixtures.tree(output)
        #expect(tree["removed-page.html"] == nil)
        #expect(tree["index.html"] != nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("staging") || $0.contains(".old-") }
        #expect(leftovers == [])
    }

    @Test func concurrentBuildsOfOneSiteLeaveOneCompleteSite() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        let reference = work.appendingPathComponent("reference")
        #expect(Pipeline.run(Fixtures.options(root: work, output: reference), write: true).succeeded)
        let options = Fixtures.options(root: work)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            outcomes.add(Pipeline.run(options, write: true).succeeded)
        }
        #expect(outcomes.all == [true, true, true, true])
        #expect(Fixtures.tree(work.appendingPathComponent("output")) == Fixtures.tree(reference))
    }

    @Test func abandonedStagingFoldersOfDeadBuildsAreCleanedUp() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        // No process has pid 2^22 + 1 (above Linux's pid_max), so this staging folder is abandoned.
        let abandoned = work.appendingPathComponent(".output.staging-4194305-abcdef12")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        #expect(Pipeline.run(Fixtures.options(root: work), write: true).succeeded)
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
    }

    /// A staging folder left by an earlier build of this same process (a server that rebuilds
    /// on change, whose write failed and could not clean up) is not in use, so it goes too.
    @Test func leftoverStagingOfThisProcessIsCleanedUp() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        let leftover = work.appendingPathComponent(".output.staging-\(getpid())-deadbeef")
        try FileManager.default.createDirectory(at: leftover.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(Pipeline.run(Fixtures.options(root: work), write: true).succeeded)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}

final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool] = []
    func add(_ value: Bool) { lock.withLock { values.append(value) } }
    var all: [Bool] { lock.withLock { values } }
}
