import CopseTemplate
import CopseCore
import CopseDefaultTheme
import Foundation
import Testing
@testable import CopseRender

/// The default theme compiled into copse (``DefaultTheme``) and how it combines with themes on disk.
@Suite struct DefaultThemeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let source = repository.appendingPathComponent("themes/default")

    @Test func theBuiltInThemeHoldsExactlyTheFilesOfThemesDefault() throws {
        let onDisk = ThemeFiles.folder(Self.source)
        let stale = "the default theme compiled into copse (Sources/CopseDefaultTheme/DefaultTheme+*.swift) is stale: run ./dev embed-theme and commit the result"
        #expect(DefaultTheme.paths == onDisk.paths, Comment(rawValue: stale))
        for path in onDisk.paths {
            #expect(DefaultTheme.files[path] == onDisk.read(path), Comment(rawValue: "\(path) differs. \(stale)"))
        }
        #expect(DefaultTheme.paths.contains("layout.mustache"))
        #expect(DefaultTheme.paths.contains("assets/style.css"))
    }

    @Test func aHubWithoutThemesGetsTheBuiltInDefaultTheme() throws {
        let hub = FileManager.default.temporaryDirectory.appendingPathComponent("copse-test-\(UUID().uuidString)")
        let theme = try Theme.load(name: "default", searchPath: [hub.appendingPathComponent("themes")], root: hub).get()
        #expect(theme.chain.layers.map(\.files) == [ThemeFiles.builtIn["default"]!])
        #expect(theme.chain.layers.map(\.directory) == [nil])
        #expect(theme.assets == ["assets/favicon.svg", "assets/search.js", "assets/site.js", "assets/style.css"])
        #expect(theme.assetContents("assets/site.js") == .bytes(DefaultTheme.files["assets/site.js"]!))
    }

    @Test func aHubThemeNamedDefaultExtendsTheBuiltInOne() throws {
        let themes = try ThemeOverrideTests.write(["default": [
            "theme.yml": "extends: default\n", "partials/page-meta.mustache": "hub meta", "assets/extra.css": "extra",
        ]])
        defer { try? FileManager.default.removeItem(at: themes.deletingLastPathComponent()) }
        let theme = try ThemeOverrideTests.load("default", [themes], builtIn: true).get()
        #expect(theme.chain.layers.map(\.shown) == ["(built-in theme)/default", "themes/default"])
        #expect(theme.assets.contains("assets/extra.css"))
        #expect(theme.assetContents("assets/style.css") == .bytes(DefaultTheme.files["assets/style.css"]!))
        #expect(theme.assetContents("assets/extra.css") == .copy(themes.appendingPathComponent("default/assets/extra.css").resolvingSymlinksInPath()))
    }

    @Test func aThemeOnDiskNamedDefaultWinsOverTheBuiltInOne() throws {
        let themes = try ThemeOverrideTests.write(["default": ThemeOverrideTests.base])
        defer { try? FileManager.default.removeItem(at: themes.deletingLastPathComponent()) }
        let theme = try ThemeOverrideTests.load("default", [themes], builtIn: true).get()
        #expect(theme.chain.layers.map(\.shown) == ["themes/default"])
        #expect(theme.templates.render("home", context: .map(TemplateMap())) == "home of base\n")
    }

    @Test func withoutBuiltInThemesAMissingDefaultIsAnError() {
        let hub = FileManager.default.temporaryDirectory.appendingPathComponent("copse-test-\(UUID().uuidString)")
        let result = Theme.load(name: "default", searchPath: [hub.appendingPathComponent("themes")], root: hub, builtIn: false)
        #expect(ThemeOverrideTests.failure(result) == """
            copse.yml:1:1: error: theme 'default' not found: there is no folder themes/default
                hint: set 'theme:' in copse.yml to a theme folder, such as 'default'
            """)
    }

    @Test func anUnknownThemeSuggestsTheBuiltInOne() {
        let hub = FileManager.default.temporaryDirectory.appendingPathComponent("copse-test-\(UUID().uuidString)")
        let result = Theme.load(name: "defualt", searchPath: [hub.appendingPathComponent("themes")], root: hub)
        #expect(ThemeOverrideTests.failure(result) == """
            copse.yml:1:1: error: theme 'defualt' not found: there is no folder themes/defualt
                hint: did you mean 'default'? set 'theme:' in copse.yml to a theme folder, such as 'default'
            """)
    }
}
