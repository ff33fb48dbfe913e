@testable import CopseBuild
import CopseCore
import CopseRender
import CopseTestSupport
import Foundation
import Mustache
import Testing

/// copse renders pages with its own template renderer; swift-mustache is the reference. Every
/// page of the example hub and of each golden site must come out byte for byte the same.
@Suite struct RendererParityTests {
    static var hubs: [URL] {
        let repo = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
        return [repo] + Fixtures.cases("sites").map { Fixtures.folder.appendingPathComponent("sites/\($0)/input") }
    }

    /// The hub's theme compiled by swift-mustache, with the pragma copse compiles it with: each
    /// theme of its chain from the base up, a child's file in place of its parent's, and the
    /// parent's templates also under `<parent>/` as copse offers them. swift-mustache cannot close
    /// a tag whose name holds a '/' (`{{/default/layout}}`), so here `<parent>/` is spelt
    /// `<parent>..` in names and tags alike. (Keyed by name, so a chain that names one theme twice
    /// would need copse's own keys; the hubs tested here do not.)
    static func referenceLibrary(for root: URL) throws -> MustacheLibrary {
        ReferenceMustache.registered
        let options = Fixtures.options(root: root)
        let config = try Config.parse(String(contentsOf: root.appendingPathComponent("copse.yml"), encoding: .utf8)).get()
        let theme = try Theme.load(name: config.theme, searchPath: options.themeSearchPath, root: root).get()
        var sources: [String: String] = [:]
        var plain = Set<String>()
        for (depth, layer) in theme.chain.layers.enumerated() {
            let parent = depth > 0 ? theme.chain.layers[depth - 1].name : nil
            if let parent {
                for name in plain { sources["\(parent)..\(name)"] = sources[name] }
            }
            for file in layer.files.paths where file.hasSuffix(".mustache") {
                var text = String(decoding: try #require(layer.files.read(file)), as: UTF8.self)
                if let parent {
                    for sigil in ["<", ">", "/"] { text = text.replacingOccurrences(of: "{{\(sigil)\(parent)/", with: "{{\(sigil)\(parent)..") }
                }
                let name = String(file.dropLast(9))
                sources[name] = text
                plain.insert(name)
            }
        }
        var library = MustacheLibrary()
        for (name, text) in sources {
            library.register(try ReferenceMustache.template(text), named: name)
        }
        return library
    }

    @Test(arguments: hubs)
    func everyPageMatchesSwiftMustache(_ root: URL) throws {
        let library = try Self.referenceLibrary(for: root)
        let assembled = Pipeline.assemble(Fixtures.options(root: root))
        #expect(!assembled.diagnostics.hasErrors)
        let plan = try #require(assembled.value?.files?.plan)
        var compared = 0
        for index in plan.paths.indices {
            guard let input = plan.renderInput(at: index), case .text(let html) = plan.contents(at: index) else { continue }
            #expect(html == library.render(input.context.mustacheInput, withTemplate: input.template),
                    "\(plan.paths[index]) differs from swift-mustache's rendering")
            compared += 1
        }
        #expect(compared > 10)
    }
}
