import CopseCore
import Foundation

/// The scan stage: finds every file under `content/`, following symbolic links only while they
/// stay inside `content/`. Hidden files and folders (starting with `.`) are skipped, and so are
/// those starting with `_` (templates such as a community's `meetings/_template.md`): they are
/// neither pages nor copied files.
struct ContentScanner {
    struct Found: Sendable {
        /// Markdown files, relative to `content/`, sorted.
        var markdown: [String] = []
        /// Other files, relative to `content/`, sorted.
        var other: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    let contentDirectory: URL

    func scan() -> Found {
        var found = Found()
        let rootReal = contentDirectory.resolvingSymlinksInPath().path
        walk(folder: "", realFolder: rootReal, rootReal: rootReal, found: &found, visited: [rootReal])
        found.markdown.sort()
        found.other.sort()
        return found
    }
}

extension ContentScanner {
    /// Other endings that Markdown files are given (`Notes.MD`, `notes.markdown`).
    static let markdownEndings: Set<String> = ["md", "markdown", "mdown", "mkdn", "mkd", "mdwn", "mdtxt", "mdtext"]

    /// For a Markdown file named other than `*.md`, the name it should have; nil for other files.
    static func markdownSpelling(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return nil }
        let ending = name[name.index(after: dot)...]
        guard ending != "md", markdownEndings.contains(ending.lowercased()) else { return nil }
        return name[..<dot] + ".md"
    }
}

private extension ContentScanner {
    /// The names in a folder, each with `S_IFREG` or `S_IFDIR` when the listing says which it is
    /// (nil for anything else, or when the file system does not say); nil when it cannot be read.
    static func entries(of folder: String) -> [(name: String, kind: mode_t?)]? {
        guard let handle = opendir(folder) else { return nil }
        defer { closedir(handle) }
        var entries: [(name: String, kind: mode_t?)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            let kind: mode_t? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): S_IFREG
            case Int32(DT_DIR): S_IFDIR
            default: nil
            }
            entries.append((name, kind))
        }
        return entries
    }

    func walk(folder: String, realFolder: String, rootReal: String, found: inout Found, visited: Set<String>) {
        guard let entries = Self.entries(of: realFolder) else {
            found.diagnostics.append(.error(SourceLocation(path: "content/" + folder),
                "cannot read this folder", hint: "check its permissions (it must be readable by the user running copse)"))
            return
        }
        for (name, knownKind) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let relative = folder.isEmpty ? name : folder + "/" + name
            var real = realFolder + "/" + name
            var info = stat()
            // The folder listing tells files and folders apart; anything else is looked at.
            if let knownKind {
                info.st_mode = knownKind
            } else {
                guard lstat(real, &info) == 0 else { continue }
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                let target = URL(fileURLWithPath: real).resolvingSymlinksInPath().path
                guard target == rootReal || target.hasPrefix(rootReal + "/") else {
                    let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: real)) ?? target
                    found.diagnostics.append(.error(SourceLocation(path: "content/" + relative),
                        "this symbolic link points outside content/ (to '\(written)')",
                        hint: "copy the file into content/ instead, or remove the link"))
                    continue
                }
                guard stat(target, &info) == 0 else {
                    found.diagnostics.append(.error(SourceLocation(path: "content/" + relative),
                        "this symbolic link points to nothing", hint: "remove the link or fix its target"))
                    continue
                }
                real = target
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard !visited.contains(real) else { continue }
                walk(folder: relative, realFolder: real, rootReal: rootReal, found: &found, visited: visited.union([real]))
            case S_IFREG:
                if name.hasSuffix(".md") {
                    found.markdown.append(relative)
                } else if let renamed = Self.markdownSpelling(name) {
                    // Never copied as it is: it may be a private page, front matter and all.
                    found.diagnostics.append(.error(SourceLocation(path: "content/" + relative),
                        "this looks like a Markdown file, but copse reads only files whose names end in '.md'",
                        hint: "rename it to '\(renamed)'; until then it is neither built nor copied"))
                } else {
                    found.other.append(relative)
                }
            default:
                continue
            }
        }
    }
}
