import Foundation

/// The default theme, compiled into copse so that the executable alone can build a hub.
///
/// `themes/default/` in copse's repository is the source of truth; `./dev embed-theme` copies
/// it into `DefaultTheme+Templates.swift`, `+Scripts.swift` and `+Assets.swift`, and a test
/// fails while they differ from it.
package enum DefaultTheme {
    /// The theme's name, as `theme:` in `copse.yml` and `extends:` in `theme.yml` spell it.
    package static let name = "default"

    /// Every file of the theme: its path inside the theme folder (`layout.mustache`,
    /// `assets/style.css`) and its bytes.
    package static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for source in templates + scripts + assets { files[source.path] = source.bytes }
        return files
    }()

    /// The paths of ``files``, sorted.
    package static let paths: [String] = files.keys.sorted()
}

extension DefaultTheme {
    /// One file as the generated source spells it.
    enum Source {
        case text(String, String)
        case base64(String, String)

        var path: String {
            switch self {
            case .text(let path, _), .base64(let path, _): return path
            }
        }

        var bytes: [UInt8] {
            switch self {
            case .text(_, let text): return Array(text.utf8)
            case .base64(_, let encoded):
                // The generator wrote valid base64; a failure here means the file was edited by hand.
                guard let data = Data(base64Encoded: encoded) else {
                    preconditionFailure("the generated DefaultTheme files hold invalid base64 for \(path): run ./dev embed-theme")
                }
                return [UInt8](data)
            }
        }
    }
}
