import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// `copse serve`'s quick rebuild: after a save that changes only pages' text, only the files that
/// show that text are made again, in place; any other change is a full build. Either way the
/// output is what a clean build writes.
@Suite struct QuickRebuildTests {
    struct Hub {
        let work: URL
        let root: URL
        let output: URL
        var options: BuildOptions

        init() throws {
            work = try Fixtures.temporaryFolder()
            root = work.appendingPathComponent("hub")
            try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: root)
            output = work.appendingPathComponent("site")
            options = Fixtures.options(root: root, output: output)
            options.cache = work.appendingPathComponent("cache")
            options.keepBuildsInMemory()
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = root.appendingPathComponent(path)
            try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }

        /// A clean build of the hub as it is now, compared with the output.
        func differencesFromACleanBuild() -> [String] {
            var clean = Fixtures.options(root: root, output: work.appendingPathComponent("clean-\(UUID().uuidString)"))
            clean.cache = nil
            let report = Pipeline.run(clean, write: true)
            guard report.succeeded else { return ["the clean build failed"] }
            return IncrementalBuildTests.differences(Fixtures.tree(output), Fixtures.tree(clean.output))
        }
    }

    @Test func newTextMakesOnlyTheFilesThatShowIt() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        let first = Pipeline.run(hub.options, write: true)
        try #require(first.succeeded)
        #expect(!first.quick)
        let before = Fixtures.tree(hub.output)
        try hub.edit("content/resources/pair-guide.md") { $0 + "\nSwap roles when the timer rings.\n" }
        let report = Pipeline.run(hub.options, write: true)
        #expect(report.succeeded && report.quick)
        #expect(hub.differencesFromACleanBuild() == [])
        let changed = IncrementalBuildTests.differences(Fixtures.tree(hub.output), before)
        // The page, and the part of the search index that holds its text; nothing else.
        #expect(changed == ["differs: resources/pair-guide/index.html", "differs: search/index-1.js"])
        #expect(report.fileCount - report.reusedFiles == changed.count)
    }

    @Test func anythingButTextIsAFullBuild() throws {
        var hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        let edits: [(String, String, (String) -> String)] = [
            ("a title", "content/resources/pair-guide.md", { $0.replacingOccurrences(of: "title: Pair programming guide", with: "title: Pairing guide") }),
            ("a heading", "content/resources/pair-guide.md", { $0.replacingOccurrences(of: "## Roles", with: "## Who does what") }),
            ("a link", "content/agreement.md", { $0 + "\nSee [the guide](resources/pair-guide.md).\n" }),
            ("a private page's text", "content/communities/leeds-primary/notes-private.md", { $0 + "\nMore private words here today.\n" }),
        ]
        for (what, path, change) in edits {
            try hub.edit(path, change)
            let report = Pipeline.run(hub.options, write: true)
            #expect(report.succeeded, "\(what)")
            #expect(!report.quick, "\(what) changed, and the rebuild was a quick one")
            #expect(hub.differencesFromACleanBuild() == [], "\(what)")
            // A text edit after it is quick again.
            try hub.edit("content/resources/pair-guide.md") { $0 + "\nOne more line after \(what).\n" }
            let next = Pipeline.run(hub.options, write: true)
            #expect(next.quick, "after \(what)")
            #expect(hub.differencesFromACleanBuild() == [], "after \(what)")
        }
        // Without serve's memory, an edit is never quick.
        hub.options.quick = nil
        try hub.edit("content/resources/pair-guide.md") { $0 + "\nAnd a last one.\n" }
        #expect(!Pipeline.run(hub.options, write: true).quick)
    }

    /// With raw HTML kept, a file only a private page names is withheld until a published page
    /// names it too: that is in the page's text, not its facet, and still no quick rebuild.
    @Test func aFileNamedInRawHTMLIsPublishedOrWithheldAsACleanBuildWouldHaveIt() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        try hub.edit("copse.yml") { $0 + "markdown:\n  unsafe_html: true\n" }
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8).write(to: hub.root.appendingPathComponent("content/resources/handout.svg"))
        try hub.edit("content/communities/leeds-primary/notes-private.md") { $0 + "\n<img src=\"../../resources/handout.svg\" alt=\"Handout\">\n" }
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        #expect(!FileManager.default.fileExists(atPath: hub.output.appendingPathComponent("resources/handout.svg").path))
        try hub.edit("content/resources/pair-guide.md") { $0 + "\n<img src=\"handout.svg\" alt=\"Handout\">\n" }
        let named = Pipeline.run(hub.options, write: true)
        #expect(named.succeeded && !named.quick)
        #expect(FileManager.default.fileExists(atPath: hub.output.appendingPathComponent("resources/handout.svg").path))
        #expect(hub.differencesFromACleanBuild() == [])
        try hub.edit("content/resources/pair-guide.md") { $0.replacingOccurrences(of: "\n<img src=\"handout.svg\" alt=\"Handout\">\n", with: "\n") }
        let unnamed = Pipeline.run(hub.options, write: true)
        #expect(unnamed.succeeded && !unnamed.quick)
        #expect(!FileManager.default.fileExists(atPath: hub.output.appendingPathComponent("resources/handout.svg").path))
        #expect(hub.differencesFromACleanBuild() == [])
        // Text that names no other file is quick, raw HTML or not.
        try hub.edit("content/resources/pair-guide.md") { $0 + "\n<p>Plain words.</p>\n" }
        #expect(Pipeline.run(hub.options, write: true).quick)
        #expect(hub.differencesFromACleanBuild() == [])
    }

    @Test func aFailedBuildIsNotKeptAndTheNextGoodOneIsFull() throws {
        let hub = try Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        try #require(Pipeline.run(hub.options, write: true).succeeded)
        try hub.edit("content/resources/pair-guide.md") { $0 + "\nA [broken link](nowhere.md).\n" }
        #expect(!Pipeline.run(hub.options, write: true).succeeded)
        try hub.edit("content/resources/pair-guide.md") { $0.replacingOccurrences(of: "\nA [broken link](nowhere.md).\n", with: "\nFixed.\n") }
        let fixed = Pipeline.run(hub.options, write: true)
        #expect(fixed.succeeded && !fixed.quick)
        #expect(hub.differencesFromACleanBuild() == [])
    }
}
