import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// Each `Tests/Fixtures/invalid/<case>/input` hub must fail with exactly the diagnostics in
/// `expected.txt`, and leave the previous output exactly as it was.
@Suite struct InvalidSiteTests {
    @Test(arguments: Fixtures.cases("invalid"))
    func reportsEveryProblemAndKeepsThePreviousOutput(_ name: String) throws {
        let fixture = Fixtures.folder.appendingPathComponent("invalid/\(name)")
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(fixture.appendingPathComponent("input"), to: work.appendingPathComponent("hub"))
        let root = work.appendingPathComponent("hub"), output = work.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("old"), withIntermediateDirectories: true)
        try Data("the previous build\n".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("kept\n".utf8).write(to: output.appendingPathComponent("old/page.html"))
        try Data(OutputGuard.markerText.utf8).write(to: output.appendingPathComponent(OutputGuard.marker))  // a site copse built
        let before = Fixtures.tree(output)

        let report = Pipeline.run(Fixtures.options(root: root, output: output), write: true)
        let text = report.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let expectedURL = fixture.appendingPathComponent("expected.txt")
        if Fixtures.recording {
            try Data(text.utf8).write(to: expectedURL)
            Fixtures.recorded("invalid/\(name)/expected.txt")
        }

        #expect(!report.succeeded)
        #expect(text == (try String(contentsOf: expectedURL, encoding: .utf8)))
        #expect(Fixtures.tree(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["hub", "site"])
    }
}
