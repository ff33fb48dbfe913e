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
    func walk(folder: String, realFolder: String, rootReal: String, found: inout Found, visited: Set<String>) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: realFolder)
        } catch {
            found.diagnostics.append(.error(SourceLocation(path: "content/" + folder),
                "cannot read this folder", hint: "check its permissions (it must be readable by the user running copse)"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let relative = folder.isEmpty ? name : folder + "/" + name
            var real = realFolder + "/" + name
            var info = stat()
            guard lstat(real, &info) == 0 else { continue }
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
