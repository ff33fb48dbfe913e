import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// Whole builds with a hub theme that extends the default theme copse ships with.
@Suite struct ThemeOverrideSiteTests {
    static let afterNotes = "<p class=\"after-notes\">Notes are checked by the community's leaders.</p>\n"

    /// The basic golden hub, with its own `themes/default` that extends the shipped `default`:
    /// one block of the meeting template, one asset replaced and one added.
    @Test func aHubDefaultThemeOverridesOneBlockAndOneAssetOfTheShippedDefault() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        let theme = work.appendingPathComponent("themes/default")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("extends: default\n".utf8).write(to: theme.appendingPathComponent("theme.yml"))
        try Data("{{<default/meeting}}\n{{$after-content}}\n\(Self.afterNotes){{/after-content}}\n{{/default/meeting}}\n".utf8)
            .write(to: theme.appendingPathComponent("meeting.mustache"))
        try Data("body { color: black; }\n".utf8).write(to: theme.appendingPathComponent("assets/style.css"))
        try Data("p { margin: 0; }\n".utf8).write(to: theme.appendingPathComponent("assets/extra.css"))
        try Data("editor backup\n".utf8).write(to: theme.appendingPathComponent("assets/.style.css.swp"))

        let output = work.appendingPathComponent("output")
        let report = Pipeline.run(Fixtures.options(root: work, output: output), write: true)
        #expect(report.diagnostics.map(\.description) == [])
        var built = Fixtures.tree(output)
        let expected = Fixtures.tree(Fixtures.folder.appendingPathComponent("sites/basic/expected"))

        #expect(built.removeValue(forKey: "assets/extra.css") == Data("p { margin: 0; }\n".utf8))
        #expect(built["assets/style.css"] == Data("body { color: black; }\n".utf8))
        built["assets/style.css"] = expected["assets/style.css"]
        let meetings = built.keys.filter { $0.contains("/meetings/") && $0.hasSuffix(".html") }.sorted()
        #expect(meetings.count == 2)
        for path in meetings {
            let html = String(decoding: built[path]!, as: UTF8.self)
            // The block comes right after the notes (the content partial's closing </div>), once.
            #expect(html.components(separatedBy: Self.afterNotes).count == 2, "\(path)")
            #expect(html.contains("</div>\n" + Self.afterNotes), "\(path)")
            built[path] = Data(html.replacingOccurrences(of: Self.afterNotes, with: "").utf8)
        }
        // Everything else is the default theme's, byte for byte.
        Fixtures.expectSameTree(built, expected)
    }

    /// The example hub at the repository root uses `themes/northern`, which extends `default`.
    @Test func theExampleHubsNorthernThemeAddsItsStylesheetAndFooter() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let report = Pipeline.run(Fixtures.options(root: Fixtures.repository, output: work), write: true)
        #expect(report.succeeded)
        let built = Fixtures.tree(work)
        let shipped = Fixtures.themes.appendingPathComponent("default/assets")
        #expect(built["assets/style.css"] == FileManager.default.contents(atPath: shipped.appendingPathComponent("style.css").path))
        #expect(built["assets/northern.css"] == FileManager.default.contents(atPath: Fixtures.themes.appendingPathComponent("northern/assets/northern.css").path))
        #expect(built.keys.filter { $0.hasPrefix("assets/") }.sorted() == ["assets/favicon.svg", "assets/northern.css", "assets/search.js", "assets/site.js", "assets/style.css"])
        let home = String(decoding: built["index.html"]!, as: UTF8.self)
        // The theme's stylesheet comes last in the head, after the default one.
        #expect(home.contains("<script src=\"assets/site.js\" defer></script>\n<link rel=\"stylesheet\" href=\"assets/northern.css\">\n</head>"))
        #expect(home.range(of: "assets/style.css")!.lowerBound < home.range(of: "assets/northern.css")!.lowerBound)
        #expect(home.contains("<li><a href=\"agreement/index.html\">Leaders' agreement</a></li>"))
        let meeting = try #require(built.keys.sorted().first { $0.contains("/meetings/") && $0.hasSuffix("index.html") })
        #expect(String(decoding: built[meeting]!, as: UTF8.self).contains("<link rel=\"stylesheet\" href=\"../../../../assets/northern.css\">"))
    }
}
