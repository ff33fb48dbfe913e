@testable import CopseServe
import Foundation
import Testing

@Suite("Reading a request's path")
struct RequestPathTests {
    @Test func segmentsAreDecodedOneByOne() throws {
        let path = try #require(RequestPath(raw: "/communities/leeds%20primary//charter/"))
        #expect(path.segments == ["communities", "leeds primary", "charter"])
        #expect(path.rawSegments == ["communities", "leeds%20primary", "charter"])
        #expect(path.trailingSlash)
        #expect(path.folderAddress == "/communities/leeds%20primary/charter/")
        #expect(RequestPath(raw: "/")?.segments == [])
        #expect(RequestPath(raw: "/a.css")?.trailingSlash == false)
    }

    @Test(arguments: ["/..", "/a/../b", "/%2e%2e/x", "/%2E%2e/x", "/.%2e/x", "/./x", "/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b",
                      "/a%00b", "/a%0ab", "/a%7fb", "/%", "/%zz", "/%ff", "http://127.0.0.1/x", "*", "", "x/y"])
    func pathsThatCouldLeaveTheSiteAreRefused(_ raw: String) {
        #expect(RequestPath(raw: raw) == nil)
    }
}

@Suite("Files of the built site")
struct SiteFilesTests {
    @Test func cleanAddressesRedirectsAndNothingOutside() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("copse-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("x/empty"), withIntermediateDirectories: true)
        for file in ["index.html", "x/index.html", "a.css", "404.html", ".copse-site"] {
            try Data("file".utf8).write(to: site.appendingPathComponent(file))
        }
        try Data("outside".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("out.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("in.css").path, withDestinationPath: "a.css")
        let files = SiteFiles(folder: site)
        let real = try #require(realpath(site.path, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) })
        func resolve(_ raw: String) -> SiteFiles.Resolution { files.resolve(RequestPath(raw: raw)!) }

        #expect(resolve("/") == .file(real + "/index.html"))
        #expect(resolve("/x/") == .file(real + "/x/index.html"))
        #expect(resolve("/x") == .redirect("/x/"))
        #expect(resolve("/a.css") == .file(real + "/a.css"))
        #expect(resolve("/in.css") == .file(real + "/a.css"))
        #expect(resolve("/a.css/") == .notFound)
        #expect(resolve("/x/empty/") == .notFound)
        #expect(resolve("/x/empty") == .notFound)
        #expect(resolve("/missing") == .notFound)
        #expect(resolve("/.copse-site") == .notFound)
        #expect(resolve("/out.txt") == .notFound)
        #expect(resolve("/up/secret.txt") == .notFound)
        #expect(files.notFoundPage == real + "/404.html")
    }
}

@Suite("Content types")
struct ContentTypeTests {
    @Test func byEnding() {
        let expected = ["a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
                        "a.svg": "image/svg+xml", "a.png": "image/png", "a.jpg": "image/jpeg", "A.JPEG": "image/jpeg",
                        "a.gif": "image/gif", "a.webp": "image/webp", "a.pdf": "application/pdf", "feed.xml": "application/xml",
                        "m.ics": "text/calendar; charset=utf-8", "i.json": "application/json", "e.csv": "text/csv; charset=utf-8",
                        "r.txt": "text/plain; charset=utf-8", "f.woff2": "font/woff2", "favicon.ico": "image/x-icon",
                        "x.unknown": "application/octet-stream", "noending": "application/octet-stream",
                        "dir.v2/file": "application/octet-stream"]
        for (name, type) in expected { #expect(ContentType.of(name) == type, "\(name)") }
    }
}
