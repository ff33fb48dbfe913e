@testable import CopseServe
import Foundation
import Testing

/// The whole loop: a change on disk, a rebuild, a `build` event to every open page, and the new
/// page (or the problems) served.
@Suite("Rebuild and reload")
struct ReloadTests {
    @Test func aChangedFileRebuildsAndTellsOpenPages() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        let client = try EventClient(port: hub.port)
        defer { client.close() }
        #expect(await eventually { client.builds.count == 1 })
        let first = try #require(client.builds.first)
        let page = try await hub.get("/agreement/")
        #expect(page.text.contains("var page = \"\(first)\";"))
        #expect(client.transcript.contains("\nretry: 500\n"))

        let source = try hub.read("content/agreement.md")
        try hub.write(source + "\nA sentence added while the page was open.\n", to: "content/agreement.md")
        #expect(await eventually { client.builds.count >= 2 })
        let second = try #require(client.builds.last)
        #expect(second != first)
        let reloaded = try await hub.get("/agreement/")
        #expect(reloaded.text.contains("A sentence added while the page was open."))
        #expect(reloaded.text.contains("var page = \"\(second)\";"))
        // Only the text changed: a quick rebuild.
        #expect(hub.log.contains { $0.hasPrefix("Rebuilt in ") && $0.hasSuffix(" s (content/agreement.md; only its text changed)") }, "\(hub.log)")
    }

    @Test func everyOpenPageHearsOfTheRebuild() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        let clients = try (0..<3).map { _ in try EventClient(port: hub.port) }
        defer { clients.forEach { $0.close() } }
        #expect(await eventually { clients.allSatisfy { $0.builds.count == 1 } && hub.server.listeners == 3 })
        try hub.saveByRename("---\ntitle: Renamed by saving\n---\nNew text.\n", to: "content/resources/pair-guide.md")
        #expect(await eventually { clients.allSatisfy { $0.builds.count >= 2 } })
        #expect(try await hub.get("/resources/pair-guide/").text.contains("Renamed by saving"))
        // A page that closed stops being a listener (once the server next writes to it and fails).
        clients[0].close()
        let source = try hub.read("content/agreement.md")
        for round in 1...3 where hub.server.listeners > 2 {
            try hub.write(source + "\nRound \(round).\n", to: "content/agreement.md")
            _ = await eventually { clients[1].builds.count >= 2 + round }
        }
        #expect(await eventually { hub.server.listeners == 2 })
    }

    @Test func aFailedBuildShowsItsProblemsOverTheLastGoodSiteUntilFixed() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        let client = try EventClient(port: hub.port)
        defer { client.close() }
        #expect(await eventually { client.builds.count == 1 })
        let config = try hub.read("copse.yml")
        try hub.write("title: [Riverside <b>broken\n", to: "copse.yml")
        #expect(await eventually { client.builds.count >= 2 })
        let broken = try await hub.get("/agreement/")
        #expect(broken.status == 200)
        #expect(broken.text.contains("<title>"), "the last good page is still there")
        #expect(broken.text.contains("role=\"alertdialog\""))
        #expect(broken.text.range(of: "<code style=\"[^\"]*\">copse.yml:1:[0-9]+</code>", options: .regularExpression) != nil)
        #expect(broken.text.contains("invalid YAML"))
        #expect(broken.text.contains("hint: "))
        #expect(!broken.text.contains("<b>broken"), "the text of the problem is escaped")
        #expect(try await hub.get("/no/such/page/").text.contains("id=\"copse-problems\""))
        #expect(hub.log.last == "Build failed: 1 error (shown in the browser)")
        // Nothing of the overlay reaches the built files.
        let written = try String(contentsOf: hub.server.options.siteFolder.appendingPathComponent("agreement/index.html"), encoding: .utf8)
        #expect(!written.contains("copse-problems"))
        #expect(!written.contains("_copse"))

        try hub.write(config, to: "copse.yml")
        #expect(await eventually { client.builds.count >= 3 })
        let fixed = try await hub.get("/agreement/")
        #expect(fixed.status == 200)
        #expect(!fixed.text.contains("id=\"copse-problems\""))
    }

    @Test func aFirstBuildThatFailsShowsTheProblemsAndKeepsWatching() async throws {
        let hub = try await ServeFixture { root in
            let page = root.appendingPathComponent("content/agreement.md")
            let text = try String(contentsOf: page, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "updated: 2026-09-01", with: "updated: someday").utf8).write(to: page)
        }
        defer { Task { await hub.finish() } }
        let failed = try await hub.get("/")
        #expect(failed.status == 500)
        #expect(failed.header("Content-Type") == "text/html; charset=utf-8")
        #expect(failed.text.contains("content/agreement.md:4:"))
        #expect(failed.text.contains("/_copse/events"))
        #expect(try await hub.get("/assets/style.css").status == 500, "nothing is served before a good build")

        let broken = try hub.read("content/agreement.md")
        try hub.write(broken.replacingOccurrences(of: "updated: someday", with: "updated: 2026-09-01"), to: "content/agreement.md")
        let fixed = try await eventually { try await hub.get("/").status == 200 }
        #expect(fixed, "\(hub.log)")
        #expect(try await hub.get("/agreement/").text.contains("Leaders&#39; agreement"))
    }

    @Test func requestsAreAnsweredWhileRebuildsRun() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        let client = try EventClient(port: hub.port)
        defer { client.close() }
        #expect(await eventually { client.builds.count == 1 })
        let source = try hub.read("content/agreement.md")
        for round in 1...4 {
            try hub.write(source + "\nRound \(round).\n", to: "content/agreement.md")
            // Every answer, whichever build it came from, is a whole page.
            for _ in 0..<5 {
                let page = try await hub.get("/agreement/")
                #expect(page.status == 200)
                #expect(page.text.contains("</html>"))
            }
            #expect(await eventually { client.builds.count > round })
        }
        #expect(try await hub.get("/agreement/").text.contains("Round 4."))
    }
}
