import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// Each `Tests/Fixtures/sites/<case>/input` hub is built and its whole output tree compared with
/// `expected/`: a missing, unexpected or different file fails.
@Suite struct GoldenSiteTests {
    @Test(arguments: Fixtures.cases("sites"))
    func buildsExactlyTheExpectedSite(_ name: String) throws {
        let fixture = Fixtures.folder.appendingPathComponent("sites/\(name)")
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(fixture.appendingPathComponent("input"), to: work)
        let output = work.appendingPathComponent("output")
        let report = Pipeline.run(Fixtures.options(root: work, output: output), write: true)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.succeeded)
        let expected = fixture.appendingPathComponent("expected")
        if Fixtures.recording {
            try? FileManager.default.removeItem(at: expected)
            try Fixtures.copy(output, to: expected)
            Fixtures.recorded("sites/\(name)/expected")
            return
        }
        Fixtures.expectSameTree(Fixtures.tree(output), Fixtures.tree(expected))
    }

    @Test func theSameInputGivesByteIdenticalOutput() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        let first = work.appendingPathComponent("one"), second = work.appendingPathComponent("two")
        #expect(Pipeline.run(Fixtures.options(root: work, output: first), write: true).succeeded)
        #expect(Pipeline.run(Fixtures.options(root: work, output: second), write: true).succeeded)
        let a = Fixtures.tree(first), b = Fixtures.tree(second)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func draftsAreBuiltOnlyWhenAskedAndPrivatePagesNever() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        let output = work.appendingPathComponent("preview")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output, drafts: true), write: true).succeeded)
        let tree = Fixtures.tree(output)
        let draft = try #require(tree["resources/draft-thing/index.html"])
        #expect(String(decoding: draft, as: UTF8.self).contains("Not ready"))
        #expect(tree.keys.allSatisfy { !$0.contains("notes-private") })
        #expect(tree.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("Never published") })
    }

    @Test func checkWritesNothing() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        let report = Pipeline.run(Fixtures.options(root: work), write: false)
        #expect(report.succeeded)
        #expect(report.fileCount > 10)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("output").path))
    }
}

@Suite struct CrossLinkSiteTests {
    /// The cross-link golden hub has a private page and a draft that both link to resources and
    /// carry tags: no backlink, "used by", tag page or commons entry may mention them.
    @Test func privateAndDraftPagesLeaveNoTraceInCrossLinks() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/crosslinks/input"), to: work)
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output), write: true).succeeded)
        let tree = Fixtures.tree(output)
        #expect(tree["resources/pair-guide/index.html"] != nil)
        for (path, bytes) in tree {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!path.contains("notes") && !path.contains("idea"), "\(path)")
            for secret in ["Private notes", "Secret reader", "Half an idea", "york/notes", "resources/idea"] {
                #expect(!text.contains(secret), "\(path) mentions '\(secret)'")
            }
        }
        let guide = String(decoding: tree["resources/pair-guide/index.html"] ?? Data(), as: UTF8.self)
        #expect(guide.contains("Used by 2 communities"))
        let starter = String(decoding: tree["resources/starter/index.html"] ?? Data(), as: UTF8.self)
        #expect(starter.contains("Not linked from any community yet"))
        #expect(starter.contains("Referenced by 1 page<"))
    }
}
