import CopseCore
import CopseTemplate
import Foundation

/// A theme: compiled Mustache templates (parsed once per build) and its assets. A theme that
/// extends another (see ``ThemeChain``) is its parent's templates and assets with each of its own
/// files in place of the parent's file of the same path.
package struct Theme: Sendable {
    package static let requiredTemplates = TemplateKind.allCases.map(\.template)

    package var name: String
    /// The theme's own files: its folder on disk, or the theme built into copse.
    package var files: ThemeFiles
    /// The theme and the themes it builds on, base first.
    package var chain: ThemeChain
    /// The compiled templates.
    var templates: TemplateSet
    /// Files under `assets/`, relative to their theme folder (`assets/style.css`), sorted; each
    /// from the last theme of the chain that has it.
    package var assets: [String]
    /// The theme each asset comes from.
    package var assetFiles: [String: ThemeFiles]

    /// Loads theme `name` and the themes it extends, looking each up along `searchPath` (folders
    /// holding theme folders, first match wins), then among the themes built into copse
    /// (``ThemeFiles/builtIn``) unless `builtIn` is false. `root` is the hub, for printing paths.
    package static func load(name: String, searchPath: [URL], root: URL, builtIn: Bool = true) -> Checked<Theme> {
        ThemeChain.resolve(name, searchPath: searchPath, root: root, builtIn: builtIn ? ThemeFiles.builtIn : [:]).then(load)
    }

    /// Renders the theme's template of `kind`. Every one was checked when the theme loaded.
    func render(_ kind: TemplateKind, context: TemplateValue) -> String {
        guard let html = templates.render(kind.template, context: context) else {
            preconditionFailure("theme template '\(kind.template)' vanished after loading")
        }
        return html
    }

    /// The bytes of an asset as the built site holds them.
    package func assetContents(_ path: String) -> OutputFile.Contents {
        (assetFiles[path] ?? files).outputContents(path)
    }
}

private extension Theme {
    static func load(_ chain: ThemeChain) -> Checked<Theme> {
        var templates = TemplateSet()
        var assetFiles: [String: ThemeFiles] = [:]
        var diagnostics: [Diagnostic] = []
        for (depth, layer) in chain.layers.enumerated() {
            let parent = depth > 0 ? chain.layers[depth - 1].name : nil
            if depth > 0 { templates.keepParentVersions(layer: depth - 1) }
            for relative in layer.files.paths {
                if relative.hasPrefix("assets/") {
                    assetFiles[relative] = layer.files
                } else if relative.hasSuffix(".mustache") {
                    let path = "\(layer.shown)/\(relative)"
                    if let parent, relative.hasPrefix(parent + "/") {
                        diagnostics.append(.error(SourceLocation(path: path),
                            "a theme that extends '\(parent)' cannot have its own templates in a folder named '\(parent)/'",
                            hint: "'{{<\(parent)/name}}' means the parent theme's template 'name'; move this file to another folder"))
                        continue
                    }
                    diagnostics += compile(relative, in: layer, parent: parent, depth: depth, into: &templates)
                }
            }
        }
        let leaf = chain.layers[chain.layers.count - 1]
        for required in requiredTemplates where !templates.has(required) {
            let files = Set(chain.layers.map { "\($0.shown)/\(required).mustache" })
            if diagnostics.contains(where: { files.contains($0.location.path) }) { continue }
            let parents = chain.layers.count > 1 ? " (nor any theme it extends)" : ""
            diagnostics.append(.error(SourceLocation(path: "\(leaf.shown)/\(required).mustache"),
                "the theme has no '\(required)' template\(parents)",
                hint: "every theme needs: \(requiredTemplates.joined(separator: ", "))"
                    + (chain.layers.count > 1 ? "" : "; or write 'extends: default' in its theme.yml to take the missing ones from the default theme")))
        }
        if !diagnostics.hasErrors { diagnostics += includeProblems(templates) }
        if !diagnostics.hasErrors { diagnostics += nameProblems(templates) }
        if diagnostics.hasErrors { return .failed(diagnostics.sorted()) }
        return Checked(Theme(name: leaf.name, files: leaf.files, chain: chain, templates: templates,
                             assets: assetFiles.keys.sorted(), assetFiles: assetFiles), diagnostics.sorted())
    }

    /// Compiles one template file of `layer` into `templates`, in place of an inherited one of
    /// the same name. `{{<parent/x}}` and `{{>parent/x}}` are pointed at the parent's version of `x`.
    /// Returns the template's problems.
    static func compile(_ relative: String, in layer: ThemeChain.Layer, parent: String?, depth: Int,
                        into templates: inout TemplateSet) -> [Diagnostic] {
        let path = "\(layer.shown)/\(relative)"
        let templateName = String(relative.dropLast(".mustache".count))
        guard let bytes = layer.files.read(relative), let text = String(bytes: bytes, encoding: .utf8) else {
            return [.error(SourceLocation(path: path), "cannot read this template as UTF-8 text")]
        }
        var diagnostics: [Diagnostic] = []
        // See HTMLEscaping.pragma for why every template starts with it.
        switch TemplateParser.parse(HTMLEscaping.pragma + text) {
        case .success(var nodes):
            if let parent {
                var missing: [String] = []
                nodes = templates.pointingAtParent(nodes, parent: parent, layer: depth - 1, missing: &missing)
                for name in missing {
                    let known = templates.names(ofLayer: depth - 1)
                    diagnostics.append(.error(location(of: "\(parent)/\(name)", in: text, path: path),
                        "the parent theme '\(parent)' has no template '\(name)'",
                        hint: Suggestion.didYouMean(name, in: known) + "'\(parent)/' names the parent theme's templates, such as '\(parent)/layout'"))
                }
            }
            templates.add(nodes, named: templateName, source: path)
        case .failure(let error):
            let column = error.column - (error.line == 1 ? HTMLEscaping.pragma.count : 0)
            diagnostics.append(.error(SourceLocation(path: path, line: error.line, column: max(column, 1)),
                "template error: \(error.message)", hint: "check that every {{#section}} has a matching {{/section}}"))
        }
        return diagnostics
    }

    /// The line and column where `name` is first written in `text`.
    static func location(of name: String, in text: String, path: String) -> SourceLocation {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: name) {
                return SourceLocation(path: path, line: number + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return SourceLocation(path: path)
    }
}
