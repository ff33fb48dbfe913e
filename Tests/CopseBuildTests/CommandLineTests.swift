import CopseTestSupport
import Foundation
import Testing

/// The `copse` executable itself, as a person or a CI job runs it.
@Suite struct CommandLineTests {
    /// The executable SwiftPM built beside the test bundle.
    static let copse = Bundle.main.bundleURL.appendingPathComponent("copse")

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = copse
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test func versionComesFromTheLibrary() throws {
        let run = try Self.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output == "copse 0.1.0\n")
        #expect(try Self.run(["--help"]).output.contains("copse 0.1.0."))
    }

    @Test func aMistypedCommandIsNotTakenForBuildArguments() throws {
        let run = try Self.run(["chek"])
        #expect(run.status == 64)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("error: unknown command 'chek'. Did you mean 'check'?\nThe commands are: build (the default), check, serve, evidence, init, new, theme."))
    }

    @Test func aMistypedOptionGetsTheNearest() throws {
        let run = try Self.run(["build", "--ouptut", "x"])
        #expect(run.status == 64)
        #expect(run.errors.hasPrefix("Error: Unknown option '--ouptut'. Did you mean '--output'?"))
    }

    @Test func jsonPutsOnlyDiagnosticsOnStandardOutput() throws {
        let hub = Fixtures.folder.appendingPathComponent("invalid/meeting-without-date/input")
        let run = try Self.run(["check", "--root", hub.path, "--format", "json", "--no-git-dates", "--today", "2026-11-21"])
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["path"] as? String == hub.path + "/content/communities/a/meetings/kick-off.md")
            #expect(object?["severity"] as? String == "error")
        }
        #expect(run.errors.contains("Nothing was written"))
    }

    @Test func aHubBuildsWithoutNamingTheCommand() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work.appendingPathComponent("hub"))
        let run = try Self.run(["--root", "hub", "--no-git-dates", "--today", "2026-11-21"], in: work)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("Built "))
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("hub/output/index.html").path))
    }
}
