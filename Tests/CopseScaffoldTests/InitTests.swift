import CopseCore
import Foundation
import Testing
@testable import CopseScaffold

@Suite struct InitTests {
    @Test func initWritesAHubAndSaysWhatToDoNext() throws {
        let root = try Hubs.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try Scaffold(root: root, shownRoot: "our-hub", today: Hubs.today).initHub(title: "Northern Hub").get()
        #expect(report.description == """
            Wrote 7 files:
              our-hub/copse.yml
              our-hub/content/index.md
              our-hub/content/resources/sharing-a-resource.md
              our-hub/.gitignore
              our-hub/README.md
              our-hub/.github/workflows/publish.yml
              our-hub/.gitlab-ci.yml

            Next: cd our-hub, then add your first community with 'copse new community SLUG --title "Its name"', \
            preview the site with 'copse build' (open output/index.html), and read README.md to publish it.
            """)
        #expect(Hubs.read(root, ".gitignore")?.contains("output/\npublic/\n.copse-cache/\n") == true)
    }

    @Test func theNewHubsSettingsAreValidWithAConferenceAfterToday() throws {
        let (root, _) = try Hubs.initialised(title: "Leeds: \"North\" # hub")
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try Config.parse(#require(Hubs.read(root, "copse.yml"))).get()
        #expect(config.title == "Leeds: \"North\" # hub")
        #expect(config.principles == ["inclusive", "collaborative", "independent", "responsible"])
        #expect(config.conferences.map(\.id) == ["2027"])
        #expect(config.conferences.map(\.date) == [Day(year: 2027, month: 3, day: 13)!])
        #expect(config.baseURL == nil)
    }

    @Test func theFirstConferenceIsTheSecondSaturdayOfTheNextMarch() {
        #expect(Scaffold.nextConference(after: Day(year: 2026, month: 12, day: 1)!).iso == "2027-03-13")
        #expect(Scaffold.nextConference(after: Day(year: 2027, month: 3, day: 12)!).iso == "2027-03-13")
        #expect(Scaffold.nextConference(after: Day(year: 2027, month: 3, day: 13)!).iso == "2028-03-11")
    }

    @Test func theNewHubBuildsAtOnceWithTheBuiltInTheme() throws {
        let (root, _) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        let (report, files) = Hubs.build(root)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.succeeded)
        #expect(files.isSuperset(of: ["index.html", "resources/sharing-a-resource/index.html", "assets/style.css", "404.html"]))
    }

    @Test func initIntoAFolderWithFilesListsThemAllAndWritesNothing() throws {
        let root = try Hubs.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Hubs.write(root, "README.md", "our own readme\n")
        try Hubs.write(root, ".gitlab-ci.yml", "stages: [test]\n")
        let result = Scaffold(root: root, shownRoot: "hub/", today: Hubs.today).initHub(title: "Hub")
        #expect(Hubs.error(result) == """
            error: these 2 files exist already, so nothing was written:
              hub/README.md
              hub/.gitlab-ci.yml
                hint: choose an empty folder, or run again with --force to overwrite these files
            """)
        #expect(Hubs.read(root, "README.md") == "our own readme\n")
        #expect(Hubs.read(root, "copse.yml") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".gitlab-ci.yml", "README.md"])
    }

    @Test func initWithForceOverwrites() throws {
        let root = try Hubs.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Hubs.write(root, "README.md", "our own readme\n")
        _ = try Scaffold(root: root, today: Hubs.today).initHub(title: "Hub", force: true).get()
        #expect(Hubs.read(root, "README.md")?.hasPrefix("# Hub\n") == true)
    }

    @Test func initWithoutATitleIsAnError() throws {
        let root = try Hubs.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Hubs.error(Scaffold(root: root, today: Hubs.today).initHub(title: "  ")) == """
            error: the hub needs a title
                hint: pass one with --title, such as --title "Northern Computing Communities"
            """)
    }
}
