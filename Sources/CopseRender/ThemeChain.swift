import CopseCore
import Foundation

/// The themes a theme is made of: the theme itself, the theme its `theme.yml` `extends`, that
/// theme's parent, and so on, each found along the theme search path.
///
/// The search path is a list of folders holding theme folders, and after them the themes built
/// into copse (the default theme). A parent is the first theme of its name on the search path,
/// except that a theme naming its own name (a hub's `themes/default/theme.yml` saying
/// `extends: default`) gets the *next* theme of that name after itself: usually the built-in one.
package struct ThemeChain: Sendable {
    package struct Layer: Sendable {
        package internal(set) var name: String
        /// Its files: a folder on disk, or a theme built into copse.
        package internal(set) var files: ThemeFiles
        /// Its folder on disk; nil for a built-in theme.
        package var directory: URL? { files.directory }
        /// The folder as diagnostics print it: relative to the hub root when inside it.
        package internal(set) var shown: String
        /// Where on the search path the theme was found.
        var position: Int
        /// From its `theme.yml`; nil when it has none.
        package internal(set) var manifest: ThemeManifest?
    }

    /// The base theme (the one that extends nothing) first, the chosen theme last.
    package internal(set) var layers: [Layer]

    /// Finds theme `name` and its ancestors in `searchPath`; `root` is the hub, for printing paths.
    static func resolve(_ name: String, searchPath: [URL], root: URL,
                        builtIn: [String: ThemeFiles] = ThemeFiles.builtIn) -> Checked<ThemeChain> {
        let folders = distinct(searchPath)
        let finder = Finder(folders: folders, root: root, builtIn: builtIn)
        guard var layer = finder.find(name, from: 0) else {
            let shown = "\(finder.shown(folders.first ?? root.appendingPathComponent("themes")))/\(name)"
            return .failed([.error(SourceLocation(path: Config.fileName), "theme '\(name)' not found: there is no folder \(shown)",
                hint: Suggestion.didYouMean(name, in: finder.available()) + "set 'theme:' in copse.yml to a theme folder, such as 'default'")])
        }
        var chain: [Layer] = []
        while true {
            let manifest = readManifest(of: layer)
            guard let read = manifest.value else { return .failed(manifest.diagnostics) }
            layer.manifest = read
            chain.append(layer)
            guard let manifest = layer.manifest, let parentName = manifest.extends else { break }
            let start = parentName == layer.name ? layer.position + 1 : 0
            guard let parent = finder.find(parentName, from: start) else {
                return .failed([unknownParent(parentName, of: layer, at: manifest.extendsLocation, finder: finder)])
            }
            if let loopStart = chain.firstIndex(where: { $0.files == parent.files }) {
                let names = (chain[loopStart...].map(\.shown) + [parent.shown]).joined(separator: " → ")
                return .failed([.error(manifest.extendsLocation, "themes extend each other in a loop: \(names)",
                    hint: "a theme cannot build on itself; make one theme of the loop extend a theme outside it, such as 'default', or remove its 'extends:'")])
            }
            layer = parent
        }
        return Checked(ThemeChain(layers: chain.reversed()))
    }
}

private extension ThemeChain {
    /// Looks themes up along the search path.
    struct Finder {
        var folders: [URL]
        var root: URL
        /// The themes built into copse, found after every folder (at position `folders.count`).
        var builtIn: [String: ThemeFiles]

        func find(_ name: String, from start: Int) -> Layer? {
            for position in start..<max(start, folders.count) {
                let directory = folders[position].appendingPathComponent(name)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue {
                    return Layer(name: name, files: .folder(directory.resolvingSymlinksInPath()),
                                 shown: "\(shown(folders[position]))/\(name)", position: position, manifest: nil)
                }
            }
            guard start <= folders.count, let files = builtIn[name] else { return nil }
            return Layer(name: name, files: files, shown: "(built-in theme)/\(name)", position: folders.count, manifest: nil)
        }

        func shown(_ folder: URL) -> String {
            folder.path.hasPrefix(root.path + "/") ? String(folder.path.dropFirst(root.path.count + 1)) : folder.path
        }

        /// Every theme name on the search path, sorted, each once.
        func available() -> [String] {
            var names = Set(builtIn.keys)
            for folder in folders {
                let entries: [String]
                do { entries = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch { continue }
                for entry in entries where !entry.hasPrefix(".") {
                    var isFolder: ObjCBool = false
                    if FileManager.default.fileExists(atPath: folder.appendingPathComponent(entry).path, isDirectory: &isFolder),
                       isFolder.boolValue {
                        names.insert(entry)
                    }
                }
            }
            return names.sorted()
        }
    }

    /// The search path without repeats (the hub's `themes/` is also the shipped one when copse
    /// builds its own example hub), so that "the next theme of this name" is a different folder.
    static func distinct(_ folders: [URL]) -> [URL] {
        var seen = Set<String>()
        return folders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }.filter { seen.insert($0.path).inserted }
    }

    /// The layer's `theme.yml`, read; `.some(nil)` when it has none.
    static func readManifest(of layer: Layer) -> Checked<ThemeManifest?> {
        let path = "\(layer.shown)/\(ThemeManifest.fileName)"
        guard layer.files.has(ThemeManifest.fileName) else { return Checked(.some(nil)) }
        guard let data = layer.files.read(ThemeManifest.fileName) else {
            return .failed([.error(SourceLocation(path: path), "cannot read this file",
                                   hint: "check its permissions (it must be readable by the user running copse)")])
        }
        switch SourceText.decode(data) {
        case .failure(.notUTF8(let line, let column)):
            return .failed([.error(SourceLocation(path: path, line: line, column: column),
                                   "theme.yml is not UTF-8 text", hint: "save it as UTF-8")])
        case .success(let text):
            return ThemeManifest.parse(text, path: path).map { Optional($0) }
        }
    }

    static func unknownParent(_ name: String, of layer: Layer, at location: SourceLocation, finder: Finder) -> Diagnostic {
        guard name != layer.name else {
            return .error(location, "theme '\(name)' extends '\(name)', but there is no other theme named '\(name)' after \(layer.shown) on the theme search path",
                hint: "a theme named like its parent builds on the next theme of that name (such as the default theme copse ships with); "
                    + "rename this folder, or set COPSE_THEMES to a folder that holds '\(name)'")
        }
        let others = finder.available().filter { $0 != layer.name }
        return .error(location, "theme '\(layer.name)' extends '\(name)', but there is no theme of that name",
            hint: Suggestion.didYouMean(name, in: others)
                + (others.isEmpty ? "no other theme was found" : "the themes found are: \(others.joined(separator: ", "))"))
    }
}
