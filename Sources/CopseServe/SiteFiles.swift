import Foundation

/// The built site as the preview server reads it: which file a request path names, with clean
/// addresses (`/x/` is `/x/index.html`), and never a file outside the site folder, whatever
/// symbolic links inside it say.
struct SiteFiles: Sendable {
    enum Resolution: Equatable, Sendable {
        /// The file's real path, inside the site.
        case file(String)
        /// A folder asked for without its `/`: the address to send the browser to instead.
        case redirect(String)
        case notFound
    }

    /// The site folder (the build's output; swapped whole by each build, so its path stays).
    let folder: URL

    func resolve(_ path: RequestPath) -> Resolution {
        // Hidden names (`.copse-site`, editors' leftovers) are never served.
        guard !path.segments.contains(where: { $0.hasPrefix(".") }), let root = Self.realPath(folder.path) else {
            return .notFound
        }
        let candidate = ([folder.path] + path.segments).joined(separator: "/")
        switch Self.kind(of: candidate) {
        case .folder:
            let index = candidate + "/index.html"
            guard Self.kind(of: index) == .file else { return .notFound }
            guard path.trailingSlash || path.segments.isEmpty else { return .redirect(path.folderAddress) }
            return Self.inside(root, index)
        case .file:
            return path.trailingSlash ? .notFound : Self.inside(root, candidate)
        case .other:
            return .notFound
        }
    }

    /// The site's own not-found page, when it has one.
    var notFoundPage: String? {
        guard let root = Self.realPath(folder.path), case .file(let page) = Self.inside(root, folder.path + "/404.html") else {
            return nil
        }
        return page
    }
}

private extension SiteFiles {
    enum Kind { case file, folder, other }

    /// What `path` is, following symbolic links.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// `.file` with the real path of `path` when that is inside `root` (itself a real path).
    static func inside(_ root: String, _ path: String) -> Resolution {
        guard let real = realPath(path), real.hasPrefix(root == "/" ? "/" : root + "/"), kind(of: real) == .file else {
            return .notFound
        }
        return .file(real)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
