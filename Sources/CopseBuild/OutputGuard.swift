import CopseCore
import Foundation

/// Decides, before anything is written, whether a build may replace its output folder.
///
/// The output is resolved as the system will see it (every symbolic link followed, of the
/// folder itself and of each folder above it). Never replaced, even with `--force`: the hub
/// itself or a folder holding it (or holding `content/`, `themes/` or `copse.yml`), a folder
/// inside `content/` or `themes/`, the home folder, and anything that is not a folder. An
/// existing folder is replaced only when it is empty or holds the marker copse writes into
/// every site (``marker``); any other folder needs `--force`.
///
/// An output path that is a symbolic link to an allowed folder is written through: the folder
/// it points to is replaced and the link stays as it was.
package struct OutputGuard: Sendable {
    /// The file copse writes at the top of every site it builds.
    package static let marker = ".copse-site"
    package static let markerText = "This folder is a site built by copse. copse build replaces everything in it at each build.\n"

    package var root: URL
    package var output: URL
    package var force: Bool

    package init(root: URL, output: URL, force: Bool) {
        self.root = root
        self.output = output
        self.force = force
    }

    /// The folder to write to (the output with every link resolved), or why not.
    package func check() -> Checked<URL> {
        let target = Self.resolve(output.path)
        let hub = Self.resolve(root.path)
        let shown = shownPath
        func refuse(_ why: String, _ hint: String) -> Checked<URL> {
            .failed([.error(SourceLocation(path: shown), "refusing to write the site to \(shown): \(why)", hint: hint)])
        }
        let elsewhere = "choose a folder of its own for the site, such as \(Self.display(hub + "/output", root: hub)) (the default)"
        let linked = target == output.standardizedFileURL.path ? "" : " (it leads to \(target))"
        if target == hub { return refuse("it is the hub's own folder\(linked), and the build would replace it", elsewhere) }
        if Self.isInside(hub, target) {
            return refuse("it holds the hub \(hub)\(linked), and the build would replace it", elsewhere)
        }
        for source in ["content", "themes", Config.fileName] {
            let resolved = Self.resolve(hub + "/" + source)
            guard FileManager.default.fileExists(atPath: resolved) else { continue }
            if target == resolved {
                return refuse("it is the hub's \(source)\(linked), and the build would replace it", elsewhere)
            }
            if Self.isInside(resolved, target) {
                return refuse("it holds the hub's \(source)\(linked), and the build would replace it", elsewhere)
            }
            if source != Config.fileName, Self.isInside(target, resolved) {
                return refuse("it is inside the hub's \(source)/ folder\(linked)", elsewhere)
            }
        }
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            let resolvedHome = Self.resolve(home)
            if target == resolvedHome { return refuse("it is your home folder\(linked)", elsewhere) }
            if Self.isInside(resolvedHome, target) { return refuse("it holds your home folder\(linked)", elsewhere) }
        }
        // The file system's root and the folders right under it (/usr, /etc, /tmp...) hold far
        // more than a site: never replaced, whatever --force says.
        if target.split(separator: "/").count <= 1 {
            return refuse("it is a top-level folder of the system\(linked)", elsewhere)
        }
        var status = stat()
        if lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            return refuse("it is a symbolic link that leads nowhere (to a missing file, or in a loop)",
                          "remove the link, or make it point at an existing folder")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) else { return Checked(URL(fileURLWithPath: target)) }
        guard isFolder.boolValue else {
            return refuse("it is a file, not a folder\(linked)", "remove or rename the file, or choose another --output")
        }
        if force || Self.isSite(target) { return Checked(URL(fileURLWithPath: target)) }
        return refuse("the folder is not empty and was not written by copse (it has no \(Self.marker) file)\(linked); the build would delete what is in it",
                      "choose an empty or new folder, or pass --force to replace this folder and everything in it")
    }

    /// The output as diagnostics print it: relative to the hub when inside it.
    package var shownPath: String {
        Self.display(output.standardizedFileURL.path, root: root.standardizedFileURL.path)
    }
}

private extension OutputGuard {
    static func display(_ path: String, root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// True when `inner` lies strictly inside `outer`.
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        outer == "/" ? inner != "/" : inner.hasPrefix(outer + "/")
    }

    /// Empty, or holding the marker of an earlier build.
    static func isSite(_ folder: String) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        return entries.isEmpty || entries.contains(marker)
    }

    /// `path` as the system resolves it: the longest part that exists goes through realpath(3)
    /// (every link followed); the rest, which does not exist yet and so holds no link, is
    /// appended with `.` and `..` applied.
    static func resolve(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for count in stride(from: parts.count, through: 0, by: -1) {
            guard let real = realpath("/" + parts[..<count].joined(separator: "/"), nil) else { continue }
            defer { free(real) }
            var resolved = String(cString: real).split(separator: "/").map(String.init)
            for part in parts[count...] {
                if part == ".." { if !resolved.isEmpty { resolved.removeLast() } } else if part != "." { resolved.append(part) }
            }
            return "/" + resolved.joined(separator: "/")
        }
        return path
    }
}
