@testable import CopseBuild
import CopseCore
import CopseRender
import Foundation
import Testing

/// copse renders pages with its own template renderer; swift-mustache stays as the reference.
/// Every page of the example hub and of each golden site must come out byte for byte the same.
@Suite struct RendererParityTests {
    static var hubs: [URL] {
        let repo = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
        return [repo] + Fixtures.cases("sites").map { Fixtures.folder.appendingPathComponent("sites/\($0)/input") }
    }

    @Test(arguments: hubs)
    func everyPageMatchesSwiftMustache(_ root: URL) throws {
        let (_, files, diagnostics) = Pipeline.assemble(Fixtures.options(root: root))
        #expect(!diagnostics.hasErrors)
        let plan = try #require(files?.plan)
        var compared = 0
        for index in plan.paths.indices {
            guard let reference = plan.referenceRendering(at: index),
                  case .text(let html) = plan.contents(at: index) else { continue }
            #expect(html == reference, "\(plan.paths[index]) differs from swift-mustache's rendering")
            compared += 1
        }
        #expect(compared > 10)
    }
}
