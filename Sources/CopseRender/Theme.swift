import CopseCore
import Foundation

/// A theme folder: compiled Mustache templates (parsed once per build) and its assets.
public struct Theme: Sendable {
    public static let requiredTemplates = ["layout", "home", "community", "document", "meeting", "resource", "list", "commons",
                                            "evidence-index", "evidence", "evidence-pack", "health", "search", "404"]

    public var name: String
    /// The theme folder on disk.
    public var directory: URL
    /// The compiled templates.
    var templates: TemplateSet
    /// Files under `assets/`, relative to the theme folder (`assets/style.css`), sorted.
    public var assets: [String]

    /// Loads `themes/<name>/` under `root`. `displayPrefix` is how paths print in diagnostics.
    public static func load(name: String, from themesDirectory: URL, displayPrefix: String = "themes") -> Result<Theme, BuildFailure> {
        let directory = themesDirectory.appendingPathComponent(name).resolvingSymlinksInPath()
        let shown = "\(displayPrefix)/\(name)"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            return .failure(BuildFailure([.error(SourceLocation(path: Config.fileName),
                "theme '\(name)' not found: there is no folder \(shown)",
                hint: "set 'theme:' in copse.yml to a folder under \(displayPrefix)/, such as 'default'")]))
        }
        var templates = TemplateSet()
        var diagnostics: [Diagnostic] = []
        var assets: [String] = []
        for relative in Self.files(in: directory) {
            if relative.hasPrefix("assets/") {
                assets.append(relative)
            } else if relative.hasSuffix(".mustache") {
                let templateName = String(relative.dropLast(".mustache".count))
                let text: String
                do {
                    text = try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
                } catch {
                    diagnostics.append(.error(SourceLocation(path: "\(shown)/\(relative)"), "cannot read this template as UTF-8 text"))
                    continue
                }
                // See HTMLEscaping.pragma for why every template starts with it.
                switch TemplateParser.parse(HTMLEscaping.pragma + text) {
                case .success(let nodes): templates.add(nodes, named: templateName)
                case .failure(let error):
                    let column = error.column - (error.line == 1 ? HTMLEscaping.pragma.count : 0)
                    diagnostics.append(.error(SourceLocation(path: "\(shown)/\(relative)", line: error.line, column: max(column, 1)),
                        "template error: \(error.message)", hint: "check that every {{#section}} has a matching {{/section}}"))
                }
            }
        }
        for required in requiredTemplates where !templates.has(required)
            && !diagnostics.contains(where: { $0.location.path == "\(shown)/\(required).mustache" }) {
            diagnostics.append(.error(SourceLocation(path: "\(shown)/\(required).mustache"),
                "the theme has no '\(required)' template", hint: "every theme needs: \(requiredTemplates.joined(separator: ", "))"))
        }
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics)) }
        return .success(Theme(name: name, directory: directory, templates: templates, assets: assets.sorted()))
    }
}

private extension Theme {
    /// Regular files below `directory`, relative, skipping hidden ones.
    static func files(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path, isDirectory: &isFolder),
               !isFolder.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }
}
