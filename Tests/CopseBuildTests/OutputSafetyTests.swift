import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// `--output` can never destroy sources: each refused output fails the build before anything
/// is written, and leaves every file (and the folder listing) exactly as it was.
@Suite struct OutputSafetyTests {
    /// A hub at `work/hub` with a copse-built site at `work/hub/output`, plus a folder and a
    /// file of the leader's own next to the hub.
    struct Scene {
        let work: URL
        var hub: URL { work.appendingPathComponent("hub") }

        init() throws {
            work = try Fixtures.temporaryFolder()
            try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: hub)
            try FileManager.default.createDirectory(at: hub.appendingPathComponent("themes/mine"), withIntermediateDirectories: true)
            try Data("my theme\n".utf8).write(to: hub.appendingPathComponent("themes/mine/notes.txt"))
            try FileManager.default.createDirectory(at: work.appendingPathComponent("photos"), withIntermediateDirectories: true)
            try Data("holiday\n".utf8).write(to: work.appendingPathComponent("photos/beach.jpg"))
            try Data("a letter\n".utf8).write(to: work.appendingPathComponent("letter.txt"))
        }

        func build(_ output: String, force: Bool = false) -> BuildReport {
            var options = Fixtures.options(root: hub, output: URL(fileURLWithPath: output, relativeTo: hub).standardizedFileURL)
            options.force = force
            return Pipeline.run(options, write: true)
        }

        /// Every file and link under `work`, with its bytes or where it leads.
        func snapshot() -> [String: String] {
            var entries: [String: String] = [:]
            guard let enumerator = FileManager.default.enumerator(atPath: work.path) else { return entries }
            while let path = enumerator.nextObject() as? String {
                let url = work.appendingPathComponent(path)
                if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
                    entries[path] = "link to " + link
                } else if let data = FileManager.default.contents(atPath: url.path) {
                    entries[path] = data.base64EncodedString()
                } else {
                    entries[path] = "folder"
                }
            }
            return entries
        }

        /// The build must fail with one error naming `output` and `reason`, and touch nothing.
        func expectRefused(_ output: String, because reason: String, force: Bool = false,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            let before = snapshot()
            let report = build(output, force: force)
            #expect(!report.succeeded, sourceLocation: sourceLocation)
            let messages = report.diagnostics.map(\.description)
            #expect(messages.count == 1, "\(messages)", sourceLocation: sourceLocation)
            #expect(messages.first?.contains("refusing to write the site to ") == true, "\(messages)", sourceLocation: sourceLocation)
            #expect(messages.first?.contains(reason) == true, "\(messages)", sourceLocation: sourceLocation)
            #expect(messages.first?.contains("hint: ") == true, sourceLocation: sourceLocation)
            let untouched = snapshot() == before
            #expect(untouched, "the refused build changed files", sourceLocation: sourceLocation)
        }
    }

    @Test func theHubItselfIsRefused() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        scene.expectRefused(".", because: "it is the hub's own folder")
        scene.expectRefused(".", because: "it is the hub's own folder", force: true)
    }

    @Test func contentThemesAndFoldersInsideThemAreRefusedEvenWithForce() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        scene.expectRefused("content", because: "it is the hub's content, and the build would replace it")
        scene.expectRefused("content/communities", because: "it is inside the hub's content/ folder")
        scene.expectRefused("content/communities", because: "it is inside the hub's content/ folder", force: true)
        scene.expectRefused("content/new-folder", because: "it is inside the hub's content/ folder")
        scene.expectRefused("themes", because: "it is the hub's themes", force: true)
        scene.expectRefused("themes/mine", because: "it is inside the hub's themes/ folder")
        scene.expectRefused("copse.yml", because: "it is the hub's copse.yml", force: true)
    }

    @Test func aFolderHoldingTheHubIsRefused() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        scene.expectRefused("..", because: "it holds the hub", force: true)
    }

    /// The system's own top-level folders (/usr, /tmp...) are never replaced. A folder that does
    /// not exist is used here, so that a broken guard could only create it, never empty /usr.
    @Test func aTopLevelFolderOfTheSystemIsRefusedEvenWithForce() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        let top = "/copse-test-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: top) }
        scene.expectRefused(top, because: "it is a top-level folder of the system", force: true)
        #expect(!FileManager.default.fileExists(atPath: top))
    }

    @Test func aFileIsRefused() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        scene.expectRefused("../letter.txt", because: "it is a file, not a folder", force: true)
    }

    @Test func linksAreFollowedBeforeDeciding() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: scene.work.appendingPathComponent("to-content").path, withDestinationPath: "hub/content")
        try manager.createSymbolicLink(atPath: scene.work.appendingPathComponent("to-hub").path, withDestinationPath: "hub")
        try manager.createSymbolicLink(atPath: scene.work.appendingPathComponent("nowhere").path, withDestinationPath: "missing/folder")
        scene.expectRefused("../to-content", because: "it is the hub's content (it leads to ", force: true)
        // A link above the output: to-hub/content is the hub's content.
        scene.expectRefused("../to-hub/content/communities", because: "it is inside the hub's content/ folder", force: true)
        scene.expectRefused("../nowhere", because: "it is a symbolic link that leads nowhere", force: true)
    }

    @Test func aFolderCopseDidNotWriteNeedsForce() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        scene.expectRefused("../photos", because: "the folder is not empty and was not written by copse")
        #expect(scene.build("../photos", force: true).succeeded)
        let tree = Fixtures.tree(scene.work.appendingPathComponent("photos"))
        #expect(tree["beach.jpg"] == nil)
        #expect(tree["index.html"] != nil)
        #expect(tree[".copse-site"] != nil)
        // Now it holds copse's marker: the next build needs no --force.
        #expect(scene.build("../photos").succeeded)
    }

    @Test func anEmptyFolderAndAnEarlierSiteAreReplaced() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        try FileManager.default.createDirectory(at: scene.work.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(scene.build("../empty").succeeded)
        #expect(Fixtures.tree(scene.work.appendingPathComponent("empty"))["index.html"] != nil)
        #expect(scene.build("output").succeeded)
        let marker = try #require(Fixtures.tree(scene.hub.appendingPathComponent("output"))[".copse-site"])
        #expect(String(decoding: marker, as: UTF8.self).contains("built by copse"))
        #expect(scene.build("output").succeeded)
    }

    /// A link to an allowed folder is written through: the folder it leads to gets the site, and
    /// the link stays a link.
    @Test func anAllowedLinkIsWrittenThroughAndStaysALink() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        let manager = FileManager.default
        try manager.createDirectory(at: scene.work.appendingPathComponent("www"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: scene.work.appendingPathComponent("published").path, withDestinationPath: "www")
        #expect(scene.build("../published").succeeded)
        #expect(scene.build("../published").succeeded)
        #expect(try manager.destinationOfSymbolicLink(atPath: scene.work.appendingPathComponent("published").path) == "www")
        #expect(Fixtures.tree(scene.work.appendingPathComponent("www"))["index.html"] != nil)
        let leftovers = try manager.contentsOfDirectory(atPath: scene.work.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [".www.lock"])
    }

    /// `copse check` writes nothing, so any output is fine for it.
    @Test func checkIgnoresTheOutput() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.work) }
        let before = scene.snapshot()
        let report = Pipeline.run(Fixtures.options(root: scene.hub, output: scene.hub), write: false)
        #expect(report.succeeded)
        let untouched = scene.snapshot() == before
        #expect(untouched)
    }
}
