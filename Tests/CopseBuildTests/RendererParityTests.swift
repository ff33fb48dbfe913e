@testable import CopseBuild
import CopseCore
import CopseRender
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

    struct Escaping: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var out = ""
            for character in text.unicodeScalars {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(character)
                }
            }
            return out
        }
    }

    static let registered: Void = MustacheContentTypes.register(Escaping(), named: "COPSE_HTML")

    /// The default theme compiled by swift-mustache, with the pragma copse compiles it with.
    static func referenceLibrary() throws -> MustacheLibrary {
        registered
        let theme = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes/default")
        var library = MustacheLibrary()
        let files = FileManager.default.enumerator(atPath: theme.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: theme.appendingPathComponent(file), encoding: .utf8)
            library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: COPSE_HTML }}" + text), named: String(file.dropLast(9)))
        }
        return library
    }

    @Test(arguments: hubs)
    func everyPageMatchesSwiftMustache(_ root: URL) throws {
        let library = try Self.referenceLibrary()
        let (_, files, diagnostics) = Pipeline.assemble(Fixtures.options(root: root))
        #expect(!diagnostics.hasErrors)
        let plan = try #require(files?.plan)
        var compared = 0
        for index in plan.paths.indices {
            guard let input = plan.renderInput(at: index), case .text(let html) = plan.contents(at: index) else { continue }
            #expect(html == library.render(input.context, withTemplate: input.template),
                    "\(plan.paths[index]) differs from swift-mustache's rendering")
            compared += 1
        }
        #expect(compared > 10)
    }
}
