import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// An image without a description is a warning at its place in the file; with --strict it fails.
@Suite struct ImageDescriptionTests {
    static func hub() throws -> URL {
        let work = try Fixtures.temporaryFolder()
        try Data("title: Pictures Hub\n".utf8).write(to: work.appendingPathComponent("copse.yml"))
        let content = work.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("---\ntitle: Home\n---\n\nOur room:\n\n![](room.png)\n\n![\"\"](line.png) ![The room set out for pairs](room.png)\n".utf8)
            .write(to: content.appendingPathComponent("index.md"))
        for name in ["room.png", "line.png"] { try Data("png".utf8).write(to: content.appendingPathComponent(name)) }
        return work
    }

    @Test func anUndescribedImageIsAWarningAtItsLineAndStrictFailsOnIt() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        let report = Pipeline.run(Fixtures.options(root: work, output: output), write: true)
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.description) == ["""
            content/index.md:7:1: warning: this image has no description (alt text), so a reader who cannot see it misses it
                hint: say what it shows: ![Pupils pairing at one screen](photo.png); if it is only decoration, write ![""](photo.png)
            """])
        let home = String(decoding: try Data(contentsOf: output.appendingPathComponent("index.html")), as: UTF8.self)
        #expect(home.contains("alt=\"\""))
        #expect(home.contains("alt=\"The room set out for pairs\""))
        let strict = Pipeline.run(Fixtures.options(root: work, output: work.appendingPathComponent("strict"), strict: true), write: true)
        #expect(!strict.succeeded)
    }
}
