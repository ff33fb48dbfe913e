import CopseBuild
import CopseCore
import CopseScaffold
import Foundation
import Testing

/// Temporary hubs and builds for the scaffolding tests.
enum Hubs {
    static let today = Day(year: 2026, month: 12, day: 1)!

    /// A fresh empty folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("copse-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new hub made by `copse init` in a fresh folder.
    static func initialised(title: String = "Northern Hub") throws -> (URL, Scaffold) {
        let root = try folder()
        let scaffold = Scaffold(root: root, today: today)
        _ = try scaffold.initHub(title: title).get()
        return (root, scaffold)
    }

    /// Builds the hub with nothing but the theme built into copse; the report and the output's files.
    static func build(_ root: URL, drafts: Bool = false) -> (BuildReport, Set<String>) {
        let options = BuildOptions(root: root, includeDrafts: drafts, today: today,
                                   themeSearchPath: [root.appendingPathComponent("themes")], gitDates: false)
        let report = Pipeline.run(options, write: true)
        let output = options.output
        var files = Set<String>()
        if let enumerator = FileManager.default.enumerator(atPath: output.path) {
            while let path = enumerator.nextObject() as? String {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                    files.insert(path)
                }
            }
        }
        return (report, files)
    }

    static func read(_ root: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func error<T>(_ result: Result<T, ScaffoldError>) -> String {
        guard case .failure(let error) = result else { return "succeeded" }
        return error.description
    }
}
