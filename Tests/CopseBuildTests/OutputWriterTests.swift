@testable import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// The writer's own promises, below the pipeline: a file that cannot be linked is made after all,
/// and the previous site goes without a link in it ever being followed.
@Suite struct OutputWriterTests {
    /// A file is linked only when the file there has the stamp recorded for it; else it is made.
    @Test func aFileThatCannotBeLinkedIsMadeAfterAll() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // The folder to link from holds one of the two files.
        let source = work.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("linked".utf8).write(to: source.appendingPathComponent("a/index.html"))
        let folder = try #require(FolderHandle(path: source.path))
        let recorded = try #require(FileStamp(in: folder, path: "a/index.html"))
        let asked = Asked()
        let output = work.appendingPathComponent("output")
        try Data("other".utf8).write(to: source.appendingPathComponent("a/other.html"))
        let written = try OutputWriter(output: output).write(paths: ["a/index.html", "b/c.txt", "a/other.html"], placements: { index, mayLink in
            asked.add(index, mayLink)
            return mayLink ? OutputWriter.Placement(contents: nil, recorded: recorded, linkFrom: folder)
                : OutputWriter.Placement(contents: .text("made \(index)"))
        })
        #expect(written?.reusedFiles == 1)
        #expect(asked.all == ["0 true", "1 false", "1 true", "2 false", "2 true"])
        // There, but not the file recorded: made.
        #expect(try String(contentsOf: output.appendingPathComponent("a/other.html"), encoding: .utf8) == "made 2")
        #expect(try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8) == "linked")
        #expect(try String(contentsOf: output.appendingPathComponent("b/c.txt"), encoding: .utf8) == "made 1")
        let linked = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("a/index.html").path)
        let original = try FileManager.default.attributesOfItem(atPath: source.appendingPathComponent("a/index.html").path)
        #expect(linked[.systemFileNumber] as? Int == original[.systemFileNumber] as? Int)
    }

    /// Someone put links into the output (to a folder and to a file outside it): replacing the
    /// output removes the links, never what they lead to.
    @Test func removingThePreviousSiteNeverFollowsALink() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let outside = work.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("inner"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("inner/index.html"))
        try Data("keep".utf8).write(to: outside.appendingPathComponent("file.txt"))
        let output = work.appendingPathComponent("output")
        let writer = OutputWriter(output: output)
        try writer.write(paths: ["inner/index.html", "deep/er/page.html"], contents: { _ in .text("site") })
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("escape"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("deep/er/file.txt"),
                                                   withDestinationURL: outside.appendingPathComponent("file.txt"))
        // Many folders, so that they are removed in parallel too.
        for number in 0..<20 {
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("deep/link-\(number)"), withDestinationURL: outside)
            try FileManager.default.createDirectory(at: output.appendingPathComponent("deep/folder-\(number)/inner"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("deep/folder-\(number)/inner/up"),
                                                       withDestinationURL: outside.appendingPathComponent("inner"))
        }
        try writer.write(paths: ["index.html"], contents: { _ in .text("new") })
        #expect(Fixtures.tree(output).keys.sorted() == [".copse-site", "index.html"])
        #expect(try String(contentsOf: outside.appendingPathComponent("inner/index.html"), encoding: .utf8) == "keep")
        #expect(try String(contentsOf: outside.appendingPathComponent("file.txt"), encoding: .utf8) == "keep")
        let left = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
        #expect(left == [".output.lock", "output", "outside"])
    }

    @Test func aTreeIsRemovedWhole() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let tree = work.appendingPathComponent("tree")
        for number in 0..<30 {
            let folder = tree.appendingPathComponent("a/b-\(number)/c")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("index.html"))
            try Data("y".utf8).write(to: tree.appendingPathComponent("a/b-\(number)/file-\(number)"))
        }
        #expect(TreeRemoval.remove(tree.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == [])
        // Gone already: nothing to do.
        #expect(TreeRemoval.remove(tree.path))
    }
}

/// Which files the writer asked for, and whether it let them be linked.
private final class Asked: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [String] = []
    func add(_ index: Int, _ mayLink: Bool) { lock.withLock { calls.append("\(index) \(mayLink)") } }
    var all: [String] { lock.withLock { calls.sorted() } }
}
