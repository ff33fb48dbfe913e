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
                if name.hasSuffix(".md") { found.markdown.append(relative) } else { found.other.append(relative) }
            default:
                continue
            }
        }
    }
}
