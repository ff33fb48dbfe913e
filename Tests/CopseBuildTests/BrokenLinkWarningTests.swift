import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// `links: { broken: warning }`: a hub being migrated publishes while its links are mended.
@Suite struct BrokenLinkWarningTests {
    static func hub(links: String?) throws -> URL {
        let work = try Fixtures.temporaryFolder()
        let root = work.appendingPathComponent("hub")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(("title: Archive\n" + (links ?? "")).utf8).write(to: root.appendingPathComponent("copse.yml"))
        try Data("""
        # Archive

        See [the slides](slides/talk.pdf "Our talk"), [[minutes]] and ![the logo](logo.png), then [home](#archive-top).

        """.utf8).write(to: root.appendingPathComponent("content/index.md"))
        return work
    }

    @Test func eachBrokenLinkIsAWarningAndIsPublishedAsText() throws {
        let work = try Self.hub(links: "links:\n  broken: warning\n")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("site")
        let report = Pipeline.run(Fixtures.options(root: work.appendingPathComponent("hub"), output: output), write: true)
        #expect(report.succeeded)
        #expect(report.diagnostics.map { "\($0.location.path):\($0.location.line):\($0.location.column): \($0.severity)" } == [
            "content/index.md:3:5: warning", "content/index.md:3:47: warning", "content/index.md:3:63: warning",
            "content/index.md:3:91: warning",
        ])
        let html = String(decoding: Fixtures.tree(output)["index.html"] ?? Data(), as: UTF8.self)
        let title = "Broken link: what it points to is not on this site yet"
        #expect(html.contains("""
        <p>See <span class="broken-link" title="\(title)">the slides</span>, <span class="broken-link" title="\(title)">minutes</span> \
        and <span class="broken-link" title="\(title)">the logo</span>, then <span class="broken-link" title="\(title)">home</span>.</p>
        """))
        #expect(!html.contains("talk.pdf") && !html.contains("logo.png") && !html.contains("copse-link"))
    }

    @Test func strictMakesThemFailTheBuild() throws {
        let work = try Self.hub(links: "links:\n  broken: warning\n")
        defer { try? FileManager.default.removeItem(at: work) }
        let report = Pipeline.run(Fixtures.options(root: work.appendingPathComponent("hub"), strict: true), write: false)
        #expect(!report.succeeded)
        #expect(report.diagnostics.count == 4)
    }

    @Test func theDefaultIsAnError() throws {
        let work = try Self.hub(links: nil)
        defer { try? FileManager.default.removeItem(at: work) }
        let report = Pipeline.run(Fixtures.options(root: work.appendingPathComponent("hub")), write: false)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.severity) == [.error, .error, .error, .error])
    }
}
