@testable import CopseServe
import CopseBuild
import CopseCore
import Foundation
import Testing

/// A copy of the `basic` fixture hub in a temporary folder, served on 127.0.0.1 at a free port.
final class ServeFixture: Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    let server: PreviewServer
    let port: UInt16
    private let lines = Locked<[String]>([])

    /// `prepare` may change the hub before the server starts.
    init(method: WatchMethod = .automatic, prepare: (URL) throws -> Void = { _ in }) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("copse-serve-\(UUID().uuidString)")
        try Self.copy(Self.repository.appendingPathComponent("Tests/Fixtures/sites/basic/input"), to: root)
        try prepare(root)
        // As `copse serve` builds, with its cache and what it keeps in memory.
        var build = BuildOptions(root: root, today: Day(year: 2026, month: 11, day: 21)!,
                                 themeSearchPath: [root.appendingPathComponent("themes"), Self.repository.appendingPathComponent("themes")],
                                 gitDates: false, cache: BuildOptions.cacheFolder(root: root, "serve/build"))
        build.keepBuildsInMemory()
        let lines = lines
        server = try PreviewServer(options: ServeOptions(build: build, port: 0, watch: method), log: { line in
            lines.withLock { $0.append(line) }
        })
        let address = try await server.start()
        port = UInt16(address.port!)
    }

    var log: [String] { lines.current }

    func get(_ target: String, method: String = "GET") async throws -> RawHTTP.Response {
        try await RawHTTP.request(port: port, target, method: method)
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Replaces a file the way many editors save: a new file beside it, renamed over it.
    func saveByRename(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw RawHTTP.Failure(description: "rename failed") }
    }

    func finish() async {
        await server.stop()
        try? FileManager.default.removeItem(at: root)
    }

    static func copy(_ source: URL, to target: URL) throws {
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
    }
}

/// Waits until `condition` holds, checking every 20 ms for at most `seconds` (generous: the
/// machine may be busy). Returns whether it held; nothing is asserted about how long it took.
func eventually(seconds: Double = 20, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
