import Foundation

/// Runs a program to the end and collects what it printed. Both pipes are read while it runs
/// (standard error on another thread), so a program that prints megabytes never blocks on a
/// full pipe.
struct Subprocess {
    struct Output: Sendable {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]

        /// Standard error's non-empty lines, without surrounding blanks.
        var errorLines: [String] {
            String(decoding: standardError, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// Standard error's first line without git's `fatal: `, for a message.
        var firstErrorLine: String {
            guard let line = errorLines.first else { return "exit status \(status)" }
            return line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line
        }
    }

    /// The first executable file called `name` in the folders of `PATH`.
    static func find(_ name: String, path: String?) -> URL? {
        for folder in (path ?? "").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    let executable: URL
    let directory: URL
    let environment: [String: String]

    /// Nil when the program could not be started.
    func run(_ arguments: [String]) -> Output? {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let collected = Collected()
        let group = DispatchGroup()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) { collected.errors = errorHandle.readDataToEndOfFile() }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: [UInt8](printed),
                      standardError: [UInt8](collected.errors))
    }
}

/// Standard error, filled by the reading thread before the group it runs in is left.
private final class Collected: @unchecked Sendable {
    var errors = Data()
}
