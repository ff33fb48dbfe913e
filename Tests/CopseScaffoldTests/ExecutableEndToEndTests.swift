import Foundation
import Testing

/// The built `copse` executable, copied alone into an empty folder outside the repository, with
/// no COPSE_THEMES: a leader's `init`, `new community`, `new meeting` and `build` work with the
/// theme built into it.
@Suite struct ExecutableEndToEndTests {
    /// The `copse` executable SwiftPM built next to the tests (`.build/<config>/copse`).
    static func executable() throws -> URL {
        var starts = [Bundle.main.bundleURL] + Bundle.allBundles.map(\.bundleURL)
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        for start in starts {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("copse")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        Issue.record("the copse executable was not found next to the test bundle (\(starts.map(\.path))): run 'swift build' first")
        throw CancellationError()
    }

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ copse: URL, _ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = copse
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["COPSE_THEMES"] = nil
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   errors: String(decoding: errorData, as: UTF8.self))
    }

    @Test func theExecutableAloneMakesAndBuildsAHub() throws {
        let built = try Self.executable()
        let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("copse-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copse = folder.appendingPathComponent("copse")
        try FileManager.default.copyItem(at: built, to: copse)
        #expect(!copse.path.hasPrefix(Self.repository.path))

        let initialised = try Self.run(copse, ["init", "our-hub", "--title", "Our Hub"], in: folder)
        #expect(initialised.status == 0, "\(initialised.errors)")
        #expect(initialised.output.hasPrefix("Wrote 7 files:\n  our-hub/copse.yml\n"))
        let hub = folder.appendingPathComponent("our-hub")
        let community = try Self.run(copse, ["new", "community", "leeds-primary", "--title", "Leeds Primary Computing"], in: hub)
        #expect(community.status == 0, "\(community.errors)")
        #expect(community.output.contains("\n  content/communities/leeds-primary/purpose.md\n"))
        let meeting = try Self.run(copse, ["new", "meeting", "leeds-primary", "--date", "2027-01-14"], in: hub)
        #expect(meeting.status == 0, "\(meeting.errors)")
        #expect(meeting.output.hasPrefix("Wrote 1 file:\n  content/communities/leeds-primary/meetings/2027-01-14-meeting.md\n"))
        let build = try Self.run(copse, ["build", "--today", "2026-12-01"], in: hub)
        #expect(build.status == 0, "\(build.errors)")
        #expect(build.output.hasPrefix("Built "))

        let output = hub.appendingPathComponent("output")
        for page in ["index.html", "communities/leeds-primary/index.html",
                     "communities/leeds-primary/meetings/2027-01-14-meeting/index.html", "assets/style.css"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "no \(page)")
        }
        let published = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("communities/leeds-primary").path)
        #expect(published.sorted() == ["index.html", "meetings"])
        let home = try String(contentsOf: output.appendingPathComponent("communities/leeds-primary/index.html"), encoding: .utf8)
        #expect(home.components(separatedBy: "not written yet").count - 1 == 8)
        #expect(home.contains("2027-01-14-meeting/index.html"))
    }

    @Test func theExecutableRefusesBadInputWithAnErrorAndAFailingStatus() throws {
        let built = try Self.executable()
        let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("copse-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(built, ["init", "--title", "Hub"], in: folder).status == 0)
        let again = try Self.run(built, ["init", "--title", "Hub"], in: folder)
        #expect(again.status == 1)
        #expect(again.errors.hasPrefix("error: these 7 files exist already, so nothing was written:\n  copse.yml\n"))
        let slug = try Self.run(built, ["new", "community", "Leeds", "--root", folder.path], in: URL(fileURLWithPath: "/"))
        #expect(slug.status == 1)
        #expect(slug.errors == "error: 'Leeds' cannot name a community: use only lower-case letters, digits and single hyphens\n    hint: for example 'leeds'\n")
        let date = try Self.run(built, ["new", "meeting", "leeds", "--date", "2027-02-30"], in: folder)
        #expect(date.status == 1)
        #expect(date.errors.hasPrefix("error: there is no community 'leeds'"))
        #expect(date.errors.contains("error: '2027-02-30' is not a date"))
        let eject = try Self.run(built, ["theme", "eject"], in: folder)
        #expect(eject.status == 0, "\(eject.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("themes/default/layout.mustache").path))
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
