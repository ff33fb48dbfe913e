import CopseTemplate
import CopseCore
import Foundation
import Testing
@testable import CopseRender

/// Themes that extend themes (`extends:` in `theme.yml`), on small themes written for each test.
@Suite struct ThemeOverrideTests {
    /// A theme with every required template, each `<name>`; `meeting` has the default theme's
    /// blocks around its content, and `document` includes a partial.
    static let base: [String: String] = {
        var files: [String: String] = [:]
        for name in Theme.requiredTemplates { files["\(name).mustache"] = "\(name) of base\n" }
        files["layout.mustache"] = "<html>\n{{$main}}{{/main}}\n{{$footer}}\n<footer>base</footer>\n{{/footer}}\n</html>\n"
        files["meeting.mustache"] = """
            {{<layout}}
            {{$main}}
            <h1>{{page.title}}</h1>
            {{$before-content}}
            {{/before-content}}
            <p>content</p>
            {{$after-content}}
            {{/after-content}}
            {{/main}}
            {{/layout}}

            """
        files["document.mustache"] = "[{{>partials/meta}}]\n"
        files["partials/meta.mustache"] = "meta of base"
        files["assets/style.css"] = "base style"
        files["assets/logo.svg"] = "base logo"
        return files
    }()

    /// Writes `themes` (theme name to files) into the `themes/` folder of a new temporary hub.
    static func write(_ themes: [String: [String: String]]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copse-test-\(UUID().uuidString)/themes")
        for (theme, files) in themes {
            for (path, text) in files {
                let url = folder.appendingPathComponent("\(theme)/\(path)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
        return folder
    }

    /// Loads `name` from `folders`; the first is a hub's `themes/`, printed as such. Only the
    /// themes written for the test take part unless `builtIn` (DefaultThemeTests covers those).
    static func load(_ name: String, _ folders: [URL], builtIn: Bool = false) -> Checked<Theme> {
        Theme.load(name: name, searchPath: folders, root: folders[0].deletingLastPathComponent(), builtIn: builtIn)
    }

    static func failure(_ result: Checked<Theme>) -> String {
        guard result.value == nil else { return "loaded" }
        return BuildFailure(result.diagnostics).description
    }

    @Test func aChildTemplateReplacesItsParentsTemplateOfTheSameName() throws {
        let folder = try Self.write(["base": Self.base, "child": ["theme.yml": "extends: base\n", "home.mustache": "home of child\n"]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let theme = try Self.load("child", [folder]).get()
        #expect(theme.name == "child")
        #expect(theme.chain.layers.map(\.name) == ["base", "child"])
        #expect(theme.templates.render("home", context: .map(TemplateMap())) == "home of child\n")
        #expect(theme.templates.render("list", context: .map(TemplateMap())) == "list of base\n")
    }

    @Test func aChildPartialIsUsedByTheParentsTemplates() throws {
        let folder = try Self.write(["base": Self.base, "child": ["theme.yml": "extends: base", "partials/meta.mustache": "meta of child"]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let theme = try Self.load("child", [folder]).get()
        #expect(theme.templates.render("document", context: .map(TemplateMap())) == "[meta of child]\n")
    }

    @Test func aChildAssetReplacesItsParentsAndNewAssetsAreAdded() throws {
        let folder = try Self.write(["base": Self.base, "child": [
            "theme.yml": "extends: base", "assets/style.css": "child style", "assets/extra.css": "extra", "assets/.hidden": "no",
        ]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let theme = try Self.load("child", [folder]).get()
        #expect(theme.assets == ["assets/extra.css", "assets/logo.svg", "assets/style.css"])
        let sources = theme.assets.map { theme.assetFiles[$0]!.read($0).flatMap { String(bytes: $0, encoding: .utf8) } }
        #expect(sources == ["extra", "base logo", "child style"])
    }

    @Test func aChainOfThreeTakesEachFileFromTheNearestTheme() throws {
        let folder = try Self.write([
            "base": Self.base,
            "middle": ["theme.yml": "extends: base", "home.mustache": "home of middle\n", "list.mustache": "list of middle\n"],
            "top": ["theme.yml": "extends: middle", "home.mustache": "home of top, then {{>middle/home}}"],
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let theme = try Self.load("top", [folder]).get()
        #expect(theme.chain.layers.map(\.name) == ["base", "middle", "top"])
        #expect(theme.templates.render("home", context: .map(TemplateMap())) == "home of top, then home of middle\n")
        #expect(theme.templates.render("list", context: .map(TemplateMap())) == "list of middle\n")
        #expect(theme.templates.render("health", context: .map(TemplateMap())) == "health of base\n")
    }

    @Test func aThemeNamedLikeItsParentExtendsTheNextOneOnTheSearchPath() throws {
        let hub = try Self.write(["default": ["theme.yml": "extends: default\n", "home.mustache": "home of the hub, then {{>default/home}}"]])
        let shipped = try Self.write(["default": Self.base])
        defer { for themes in [hub, shipped] { try? FileManager.default.removeItem(at: themes.deletingLastPathComponent()) } }
        let theme = try Self.load("default", [hub, shipped]).get()
        #expect(theme.chain.layers.map(\.directory?.path) == [shipped, hub].map { $0.appendingPathComponent("default").resolvingSymlinksInPath().path })
        #expect(theme.templates.render("home", context: .map(TemplateMap())) == "home of the hub, then home of base\n")
        #expect(theme.templates.render("list", context: .map(TemplateMap())) == "list of base\n")
    }

    @Test func aThirdThemeOnAHubsDefaultStillReachesEachParent() throws {
        let hub = try Self.write([
            "default": ["theme.yml": "extends: default\n", "home.mustache": "hub home, {{>default/home}}"],
            "local": ["theme.yml": "extends: default\n", "home.mustache": "local home, {{>default/home}}"],
        ])
        let shipped = try Self.write(["default": Self.base])
        defer { for themes in [hub, shipped] { try? FileManager.default.removeItem(at: themes.deletingLastPathComponent()) } }
        let theme = try Self.load("local", [hub, shipped]).get()
        #expect(theme.chain.layers.map(\.name) == ["default", "default", "local"])
        #expect(theme.templates.render("home", context: .map(TemplateMap())) == "local home, hub home, home of base\n")
    }

    @Test func aChildReplacesOneBlockOfAKindTemplateAndInheritsTheRest() throws {
        let folder = try Self.write(["base": Self.base, "child": [
            "theme.yml": "extends: base",
            "meeting.mustache": "{{<base/meeting}}\n{{$after-content}}\n<p>after, in {{page.title}}</p>\n{{/after-content}}\n{{/base/meeting}}\n",
        ]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let theme = try Self.load("child", [folder]).get()
        #expect(theme.templates.render("meeting", context: .map(TemplateMap([("page", .map(TemplateMap([("title", .text("Notes"))])))])))
                == "<html>\n<h1>Notes</h1>\n<p>content</p>\n<p>after, in Notes</p>\n\n<footer>base</footer>\n</html>\n")
    }

    @Test func anUnknownParentIsAnErrorWithASuggestion() throws {
        let folder = try Self.write(["base": Self.base, "child": ["theme.yml": "# mine\nextends: bsae\n"]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(Self.failure(Self.load("child", [folder])) == """
            themes/child/theme.yml:2:10: error: theme 'child' extends 'bsae', but there is no theme of that name
                hint: did you mean 'base'? the themes found are: base
            """)
    }

    @Test func themesThatExtendEachOtherAreAnError() throws {
        let folder = try Self.write(["a": ["theme.yml": "extends: b"], "b": ["theme.yml": "extends: a"]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(Self.failure(Self.load("a", [folder])) == """
            themes/b/theme.yml:1:10: error: themes extend each other in a loop: themes/a → themes/b → themes/a
                hint: a theme cannot build on itself; make one theme of the loop extend a theme outside it, such as 'default', or remove its 'extends:'
            """)
    }

    @Test func anUnknownKeyInThemeYMLIsAnErrorWithASuggestion() throws {
        let folder = try Self.write(["base": Self.base, "child": ["theme.yml": "extend: base\n"]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(Self.failure(Self.load("child", [folder])) == """
            themes/child/theme.yml:1:1: error: unknown key 'extend' in theme.yml
                hint: did you mean 'extends'?
            """)
    }

    @Test func aWrongTypeOrBrokenYAMLInThemeYMLIsAnError() throws {
        let folder = try Self.write(["base": Self.base, "list": ["theme.yml": "extends: [base]\n"], "broken": ["theme.yml": "extends: 'base\n"]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(Self.failure(Self.load("list", [folder])) == """
            themes/list/theme.yml:1:1: error: 'extends' should be text, not a list or a map
                hint: write 'extends: some text' on one line; quote it if it contains ': '
            """)
        #expect(Self.failure(Self.load("broken", [folder])).hasPrefix("themes/broken/theme.yml:1:10: error: invalid YAML: "))
    }

    @Test func aMisspeltParentTemplateIsAnError() throws {
        let folder = try Self.write(["base": Self.base, "child": ["theme.yml": "extends: base", "home.mustache": "x\n  {{>base/hme}}\n"]])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(Self.failure(Self.load("child", [folder])) == """
            themes/child/home.mustache:2:6: error: the parent theme 'base' has no template 'hme'
                hint: did you mean 'home'? 'base/' names the parent theme's templates, such as 'base/layout'
            """)
    }
}
