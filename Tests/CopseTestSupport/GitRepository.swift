import Foundation

/// A throwaway git repository for the git-date tests: every commit has a fixed author, date and
/// committer, so the history (and the dates the site shows) is the same on every run.
package struct GitRepository {
    /// The `git` on PATH; the tests that need it are skipped without it.
    package static let git: URL? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(folder) + "/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }()

    package static var available: Bool { git != nil }

    package let folder: URL

    /// A new repository (branch `main`) in a fresh temporary folder.
    package static func create() throws -> GitRepository {
        let repository = GitRepository(folder: try Fixtures.temporaryFolder())
        try repository.git("init", "--quiet", "--initial-branch=main")
        return repository
    }

    /// Writes a file (creating its folders), relative to the repository.
    package func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Stages everything and commits as `author` on `date` (`2026-01-05T10:00:00+0000`).
    package func commit(_ message: String, author: String, date: String) throws {
        try git("add", "--all")
        try git("-c", "user.name=\(author)", "-c", "user.email=\(author.lowercased().filter(\.isLetter))@example.org",
                "commit", "--quiet", "--no-gpg-sign", "-m", message,
                environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
    }

    /// Runs git in the repository; throws when it fails.
    @discardableResult
    package func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = Self.git
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var variables = ProcessInfo.processInfo.environment
        // The user's own configuration must not change the history the tests make.
        variables["GIT_CONFIG_GLOBAL"] = "/dev/null"
        variables["GIT_CONFIG_NOSYSTEM"] = "1"
        variables.merge(environment) { $1 }
        process.environment = variables
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: printed, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw GitFailure(description: "git \(arguments.joined(separator: " ")): \(text)")
        }
        return text
    }

    package func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

struct GitFailure: Error, CustomStringConvertible {
    package var description: String
}
