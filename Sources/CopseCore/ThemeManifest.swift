import Yams

/// A theme's `theme.yml`: which theme it builds on. A theme without the file stands alone.
package struct ThemeManifest: Sendable, Equatable {
    package static let fileName = "theme.yml"
    static let knownKeys = ["extends"]

    /// The parent theme's name, from `extends:`.
    package var extends: String?
    /// Where the parent's name is written, for diagnostics about it.
    package var extendsLocation: SourceLocation

    package init(extends: String? = nil, extendsLocation: SourceLocation) {
        self.extends = extends
        self.extendsLocation = extendsLocation
    }

    /// Reads the text of the `theme.yml` at `path` (as diagnostics print it); every problem
    /// becomes a diagnostic naming `path:line:col`.
    package static func parse(_ text: String, path: String) -> Checked<ThemeManifest> {
        let yaml = YAMLDecoding(path: path, lineOffset: 0)
        let node: Node
        switch yaml.compose(text) {
        case .failure(let diagnostic): return .failed([diagnostic])
        case .success(nil): return Checked(ThemeManifest(extendsLocation: SourceLocation(path: path)))
        case .success(let composed?): node = composed
        }
        guard case .mapping(let mapping) = node else {
            return .failed([.error(yaml.location(of: node), "theme.yml should be a map of 'key: value' lines",
                                   hint: "write 'extends: default' to build on the default theme")])
        }
        var diagnostics = yaml.unknownKeys(in: node, known: knownKeys, context: "theme.yml")
        let location = mapping.first { $0.key.string == "extends" }.map { yaml.location(of: $0.value) } ?? SourceLocation(path: path)
        switch yaml.decode(File.self, from: node) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(let file):
            if file.extends == nil, mapping.value(for: "extends") != nil {
                diagnostics.append(.error(location, "'extends' is empty",
                                          hint: "name the parent theme, e.g. 'extends: default', or remove the line to make a theme that stands alone"))
            } else if let parent = file.extends, !isThemeName(parent) {
                diagnostics.append(.error(location, "'extends' must name a theme folder, not '\(parent)'",
                                          hint: "write the folder name of the parent theme alone, e.g. 'extends: default'"))
            }
            if diagnostics.isEmpty { return Checked(ThemeManifest(extends: file.extends, extendsLocation: location)) }
        }
        return .failed(diagnostics)
    }

    /// A theme is named by a folder under `themes/`: one path component, not hidden.
    package static func isThemeName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".") && !name.allSatisfy(\.isWhitespace)
    }
}

private extension ThemeManifest {
    struct File: Decodable {
        let extends: String?
    }
}
