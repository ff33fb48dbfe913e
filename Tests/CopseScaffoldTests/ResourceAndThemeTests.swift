import CopseCore
import CopseDefaultTheme
import Foundation
import Testing
@testable import CopseScaffold

@Suite struct ResourceAndThemeTests {
    @Test func aResourceWithoutACommunityIsTheHubs() throws {
        let (root, scaffold) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try scaffold.newResource(title: "Pair programming: a guide").get()
        #expect(report.written == ["content/resources/pair-programming-a-guide.md"])
        let text = try #require(Hubs.read(root, "content/resources/pair-programming-a-guide.md"))
        #expect(text.hasPrefix("---\ntitle: \"Pair programming: a guide\"\nsummary: "))
        #expect(text.contains("\ndraft: true "))
        let (built, files) = Hubs.build(root, drafts: true)
        #expect(built.diagnostics.map(\.description) == [])
        #expect(files.contains("resources/pair-programming-a-guide/index.html"))
    }

    @Test func aResourceOfACommunityGoesInItsFolder() throws {
        let (root, scaffold) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try scaffold.newCommunity("york").get()
        let report = try scaffold.newResource(community: "york", title: "Café quiz").get()
        #expect(report.written == ["content/communities/york/resources/cafe-quiz.md"])
        #expect(Hubs.error(scaffold.newResource(community: "york", title: "Café quiz")) == """
            error: this file exists already, so nothing was written:
              content/communities/york/resources/cafe-quiz.md
                hint: a resource of that name exists already: edit it, or choose another title
            """)
        #expect(Hubs.error(scaffold.newResource(title: "!!!")) == """
            error: the resource needs a title with at least one letter or digit
                hint: for example: copse new resource "Pair programming guide"
            """)
    }

    @Test func ejectWritesTheBuiltInThemeAndRefusesToOverwrite() throws {
        let (root, scaffold) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try scaffold.ejectTheme(as: "mine").get()
        #expect(report.written == DefaultTheme.paths.map { "themes/mine/" + $0 })
        #expect(report.next.hasPrefix("set 'theme: mine' in copse.yml, then edit the files in themes/mine/."))
        for path in DefaultTheme.paths {
            #expect(FileManager.default.contents(atPath: root.appendingPathComponent("themes/mine/" + path).path).map { [UInt8]($0) }
                    == DefaultTheme.files[path])
        }
        try Hubs.write(root, "themes/mine/layout.mustache", "edited")
        let error = Hubs.error(scaffold.ejectTheme(as: "mine"))
        #expect(error.hasPrefix("error: these \(DefaultTheme.paths.count) files exist already, so nothing was written:\n  themes/mine/404.mustache\n"))
        #expect(error.hasSuffix("\n    hint: run again with --force to overwrite them, or eject under another name: copse theme eject NAME"))
        #expect(Hubs.read(root, "themes/mine/layout.mustache") == "edited")
        _ = try scaffold.ejectTheme(as: "mine", force: true).get()
        #expect(Hubs.read(root, "themes/mine/layout.mustache").map { Array($0.utf8) } == DefaultTheme.files["layout.mustache"])
    }

    @Test func anEjectedDefaultThemeBuildsTheSameSiteAsTheBuiltInOne() throws {
        let (root, scaffold) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try scaffold.newCommunity("york").get()
        _ = Hubs.build(root)
        let before = try Self.contents(of: root.appendingPathComponent("output"))
        let report = try scaffold.ejectTheme().get()
        #expect(report.next.hasPrefix("edit the files in themes/default/: copse now uses them instead of its built-in theme."))
        _ = Hubs.build(root)
        #expect(try Self.contents(of: root.appendingPathComponent("output")) == before)
        #expect(Hubs.error(scaffold.ejectTheme(as: "My Theme")) == """
            error: 'My Theme' cannot name a theme: use only lower-case letters, digits and single hyphens
                hint: for example 'my-theme'
            """)
    }

    @Test func slugsAreCheckedAndMadeFromTitles() {
        #expect(Slug.isValid("leeds-primary-2"))
        for bad in ["", "Leeds", "leeds_primary", "leeds--primary", "-leeds", "leeds-", "léeds", "a b"] {
            #expect(!Slug.isValid(bad), "'\(bad)' passed")
        }
        #expect(Slug.from("  Pair Programming: a Guide! ") == "pair-programming-a-guide")
        #expect(Slug.from("Teachers' Café") == "teachers-cafe")
        #expect(Slug.title("leeds-primary") == "Leeds Primary")
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
            }
        }
        return files
    }
}
