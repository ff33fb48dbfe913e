import CopseCore
import CopseRender
import Foundation

/// Loading copse.yml and the theme, the first things every build reads.
extension Pipeline {
    static func loadConfig(root: URL) -> Checked<Config> {
        let url = root.appendingPathComponent(Config.fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failed([.error(SourceLocation(path: Config.fileName), "copse.yml not found in \(root.path)",
                                   hint: "run copse in the hub's folder, pass --root DIR, or create copse.yml with at least 'title: Your hub'")])
        }
        guard case .success(let text) = SourceText.decode([UInt8](data)) else {
            return .failed([.error(SourceLocation(path: Config.fileName), "copse.yml is not UTF-8 text", hint: "save it as UTF-8")])
        }
        // A config with problems is still used (they are reported; the build fails on them), so
        // that the rest of the hub is checked against what copse.yml does say.
        return Config.read(text)
    }

    static func loadTheme(_ name: String, options: BuildOptions) -> Checked<Theme> {
        Theme.load(name: name, searchPath: options.themeSearchPath, root: options.root)
    }

    /// copse.yml, and the theme it names (the default theme when copse.yml cannot be read).
    static func loadConfigAndTheme(_ options: BuildOptions) -> (Checked<Config>, Checked<Theme>) {
        let config = loadConfig(root: options.root)
        return (config, loadTheme((config.value ?? Config(title: "")).theme, options: options))
    }
}
