import CopseCore
import CopseDefaultTheme
import Foundation

/// The files of one theme: a folder on disk, or the default theme compiled into copse
/// (``DefaultTheme``). Theme loading reads a theme only through this, so a theme on disk and the
/// built-in one combine in the same ways (`extends:`, one file in place of another).
package struct ThemeFiles: Sendable, Equatable {
    package enum Source: Sendable, Equatable {
        case folder(URL)
        /// A theme compiled into copse, by name.
        case builtIn(String)
    }

    package let source: Source

    /// A theme folder on disk.
    package static func folder(_ url: URL) -> ThemeFiles { ThemeFiles(source: .folder(url)) }

    /// The themes compiled into copse, by name: the default theme.
    package static let builtIn: [String: ThemeFiles] = [DefaultTheme.name: ThemeFiles(source: .builtIn(DefaultTheme.name))]

    /// The folder on disk; nil for a built-in theme.
    package var directory: URL? {
        if case .folder(let url) = source { return url }
        return nil
    }

    /// Every regular file, relative to the theme (`assets/style.css`), sorted; hidden files
    /// and folders (starting with `.`) are skipped.
    package var paths: [String] {
        switch source {
        case .folder(let url): return Self.files(in: url)
        case .builtIn: return DefaultTheme.paths
        }
    }

    /// Whether the theme has the file at `relative`.
    package func has(_ relative: String) -> Bool {
        switch source {
        case .folder(let url): return FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
        case .builtIn: return DefaultTheme.files[relative] != nil
        }
    }

    /// The bytes of the file at `relative`; nil when it is missing or cannot be read.
    package func read(_ relative: String) -> [UInt8]? {
        switch source {
        case .folder(let url): return FileManager.default.contents(atPath: url.appendingPathComponent(relative).path).map { [UInt8]($0) }
        case .builtIn: return DefaultTheme.files[relative]
        }
    }

    /// The file at `relative` as a file of the built site: copied from disk, or the built-in bytes.
    package func outputContents(_ relative: String) -> OutputFile.Contents {
        switch source {
        case .folder(let url): return .copy(url.appendingPathComponent(relative))
        case .builtIn: return .bytes(DefaultTheme.files[relative] ?? [])
        }
    }
}

private extension ThemeFiles {
    static func files(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var found: [String] = []
        for case let relative as String in enumerator {
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
