@testable import CopseServe
import Foundation
import Testing

/// Real HTTP requests to a served fixture hub.
@Suite("copse serve over HTTP")
struct ServerHTTPTests {
    @Test func servesPagesAtCleanAddressesWithTheReloadScript() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        let home = try await hub.get("/")
        #expect(home.status == 200)
        #expect(home.header("Content-Type") == "text/html; charset=utf-8")
        #expect(home.header("Cache-Control") == "no-store")
        #expect(home.text.contains("<title>Riverside Computing Hub</title>"))
        #expect(home.text.contains("new EventSource(\"/_copse/events\")"))
        // The script sits inside the body, before its end.
        let script = try #require(home.text.range(of: "<script>\n(function () {\n  \"use strict\";\n  var page"))
        let bodyEnd = try #require(home.text.range(of: "</body>", options: .backwards))
        #expect(script.upperBound < bodyEnd.lowerBound)

        let charter = try await hub.get("/communities/leeds-primary/charter/")
        #expect(charter.status == 200)
        #expect(charter.text.contains("<h1"))
        let byFile = try await hub.get("/communities/leeds-primary/charter/index.html")
        #expect(byFile.status == 200)
        #expect(byFile.body == charter.body)
    }

    @Test func aFolderWithoutItsSlashRedirects() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        let plain = try await hub.get("/agreement")
        #expect(plain.status == 302)
        #expect(plain.header("Location") == "/agreement/")
        let query = try await hub.get("/communities/leeds-primary?x=1")
        #expect(query.header("Location") == "/communities/leeds-primary/?x=1")
        // Built from the path's segments: never a protocol-relative address to another host.
        let doubled = try await hub.get("//agreement")
        #expect(doubled.status == 302)
        #expect(doubled.header("Location") == "/agreement/")
        // A folder without index.html is no page.
        #expect(try await hub.get("/communities/").status == 404)
        #expect(try await hub.get("/communities").status == 404)
    }

    @Test func missingAddressesGetTheSites404PageWithStatus404() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        let notFoundPage = try String(contentsOf: hub.server.options.siteFolder.appendingPathComponent("404.html"), encoding: .utf8)
        let title = try #require(notFoundPage.range(of: "<title>.*</title>", options: .regularExpression).map { String(notFoundPage[$0]) })
        for target in ["/no/such/page/", "/no-such-file.css", "/agreement/index.html/", "/assets/style.css/"] {
            let response = try await hub.get(target)
            #expect(response.status == 404, "\(target)")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.text.contains(title), "\(target)")
            #expect(response.text.contains("/_copse/events"), "\(target)")
        }
    }

    @Test func headSendsTheHeadersOfGetWithoutTheBody() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        for target in ["/", "/assets/style.css", "/no/such/page/"] {
            let get = try await hub.get(target)
            let head = try await hub.get(target, method: "HEAD")
            #expect(head.status == get.status)
            #expect(head.header("Content-Type") == get.header("Content-Type"))
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.body.isEmpty)
        }
        let post = try await hub.get("/", method: "POST")
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET, HEAD")
    }

    @Test func contentTypesFollowTheFileEnding() async throws {
        let types = ["png": "image/png", "jpg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
                     "pdf": "application/pdf", "json": "application/json", "csv": "text/csv; charset=utf-8",
                     "txt": "text/plain; charset=utf-8", "woff2": "font/woff2", "ico": "image/x-icon",
                     "xyz": "application/octet-stream"]
        let hub = try await ServeFixture { root in
            for ending in types.keys {
                try Data("file \(ending)".utf8).write(to: root.appendingPathComponent("content/file.\(ending)"))
            }
        }
        defer { Task { await hub.finish() } }
        for (ending, type) in types {
            let response = try await hub.get("/file.\(ending)")
            #expect(response.status == 200, "\(ending)")
            #expect(response.header("Content-Type") == type, "\(ending)")
            #expect(response.text == "file \(ending)", "only HTML gets the script: \(ending)")
        }
        let built = ["/assets/style.css": "text/css; charset=utf-8", "/assets/site.js": "text/javascript; charset=utf-8",
                     "/communities/leeds-primary/photo.svg": "image/svg+xml", "/feed.xml": "application/xml",
                     "/meetings.ics": "text/calendar; charset=utf-8", "/robots.txt": "text/plain; charset=utf-8"]
        for (target, type) in built {
            let response = try await hub.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.header("Content-Type") == type, "\(target)")
            #expect(!response.text.contains("_copse"), "\(target)")
        }
    }

    @Test func nothingOutsideTheSiteIsServed() async throws {
        let secret = "SECRET-\(UUID().uuidString)"
        let hub = try await ServeFixture { root in
            try Data(secret.utf8).write(to: root.appendingPathComponent("secret.txt"))
        }
        defer { Task { await hub.finish() } }
        let site = hub.server.options.siteFolder
        // A symbolic link in the site folder that leads out of it.
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path,
                                                   withDestinationPath: hub.root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("hub").path, withDestinationPath: hub.root.path)
        let depth = "/../../../.."
        let attempts = [
            "\(depth)/secret.txt", "/assets/../../../../secret.txt",
            "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt", "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.txt", "/assets/..%2f..%2f..%2f..%2fsecret.txt",
            "/.%2e/.%2e/.%2e/secret.txt", "/%2f\(hub.root.path.dropFirst())/secret.txt", "/\(hub.root.path)/secret.txt",
            "/..\\..\\..\\secret.txt", "/assets/style.css%00/../../../../secret.txt", "/secret.txt%00.html",
            "http://127.0.0.1\(depth)/secret.txt", "\(hub.root.path)/secret.txt", "/leak.txt", "/hub/secret.txt",
            "/hub/", "/%c0%ae%c0%ae/secret.txt", "/.copse-site", "/%",
        ]
        for target in attempts {
            let response = try await hub.get(target)
            #expect(response.status == 400 || response.status == 404, "\(target): \(response.status)")
            #expect(!response.text.contains(secret), "\(target) served a file from outside the site")
        }
    }

    @Test func aBusyPortFailsWithAMessageNamingIt() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        let second = try PreviewServer(options: ServeOptions(build: hub.server.options.build, port: hub.port), log: { _ in })
        await #expect(throws: ServeError.portInUse(host: "127.0.0.1", port: hub.port)) { _ = try await second.start() }
        #expect(ServeError.portInUse(host: "127.0.0.1", port: 8080).description.contains("port 8080"))
        #expect(ServeError.portInUse(host: "127.0.0.1", port: 8080).description.contains("--port"))
    }

    @Test func previewingLeavesTheHubsOutputAloneAndBuildsNoScriptIntoFiles() async throws {
        let hub = try await ServeFixture()
        defer { Task { await hub.finish() } }
        #expect(!FileManager.default.fileExists(atPath: hub.root.appendingPathComponent("output").path))
        let site = hub.server.options.siteFolder
        #expect(site.path.hasPrefix(hub.root.appendingPathComponent(".copse-cache/serve").path))
        let written = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(written.contains("<title>Riverside Computing Hub</title>"))
        #expect(!written.contains("_copse"))
        #expect(!written.contains("EventSource"))
    }
}
