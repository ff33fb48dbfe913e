import CopseMarkdown
import Foundation

/// Resolves every internal link of every published page to a path in the output, or reports it.
/// Hash-map lookups only: linear in the number of links.
struct LinkResolver: Sendable {
    private var pageByPath: [String: Int] = [:]
    private var hidden: [String: HiddenReason]
    private var staticFiles: Set<String>
    private var communityFolders: Set<String>
    /// Every known content path by folder, for "did you mean" hints.
    private var namesByFolder: [String: [String]] = [:]

    init(site: Site, parsed: [ParsedPage], hidden: [String: HiddenReason]) {
        self.hidden = hidden
        staticFiles = Set(site.staticFiles.map(\.contentPath))
        communityFolders = Set(site.communities.map { "communities/\($0.id)" })
        for (index, page) in site.pages.enumerated() { pageByPath[page.parsed.contentPath] = index }
        for path in parsed.map(\.contentPath) + site.staticFiles.map(\.contentPath) {
            let (folder, name) = Self.splitFolder(path)
            namesByFolder[folder, default: []].append(name)
        }
    }

    /// Resolves the links of every page, pages in parallel (resolution only reads the index).
    func resolveAll(in site: inout Site) -> [Diagnostic] {
        let snapshot = site
        let results = site.pages.parallelMap { page -> ([String], [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let parsed = page.parsed
            let folder = Self.segments(Self.splitFolder(parsed.contentPath).folder)
            let targets = parsed.markdown.links.map { link in
                switch resolve(link.destination, fromFolder: folder, site: snapshot) {
                case .success(let target): return target
                case .failure(let problem):
                    diagnostics.append(.error(parsed.location(of: link), problem.message, hint: problem.hint))
                    return link.destination
                }
            }
            return (targets, diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        for (index, result) in results.enumerated() {
            site.pages[index].resolvedLinks = result.0
            diagnostics += result.1
        }
        return diagnostics
    }

    struct Problem: Error, Sendable {
        var message: String
        var hint: String
    }

    /// The output path (relative to the site root, with any `#fragment`) a destination points at.
    func resolve(_ destination: String, from contentPath: String, site: Site) -> Result<String, Problem> {
        resolve(destination, fromFolder: Self.segments(Self.splitFolder(contentPath).folder), site: site)
    }

    func resolve(_ destination: String, fromFolder folder: [Substring], site: Site) -> Result<String, Problem> {
        // Byte-level searches: Character-based ones cost more than the hash lookups below.
        let bytes = destination.utf8
        var end = bytes.endIndex
        var fragment = ""
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(destination[hash...])
            end = hash
        }
        if let query = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        var path = destination[..<end]
        if path.utf8.contains(UInt8(ascii: "%")) { path = Substring(path.removingPercentEncoding ?? String(path)) }
        guard let target = Self.normalise(path, from: path.utf8.first == UInt8(ascii: "/") ? [] : folder) else {
            return .failure(Problem(message: "link to '\(destination)' points outside content/",
                                    hint: "link only to files inside content/; use a full https:// address for anything else"))
        }
        for candidate in candidates(for: target) {
            if let reason = hidden[candidate] {
                return .failure(Problem(message: "links to a \(reason.word) page '\(destination)'",
                                        hint: reason.word == "draft"
                                            ? "drafts are not published: remove the link, or build with --drafts to preview"
                                            : "private pages are never published: remove the link or make the page public"))
            }
            if let index = pageByPath[candidate] { return .success(site.pages[index].outputPath + fragment) }
            if communityFolders.contains(candidate), let community = site.community(String(candidate.dropFirst(12))) {
                return .success(community.outputPath + fragment)
            }
            if staticFiles.contains(candidate) { return .success(candidate + fragment) }
        }
        return .failure(brokenLink(destination, target: target))
    }
}

private extension LinkResolver {
    /// The paths a normalised target may name: the file itself, or a folder's page.
    func candidates(for target: String) -> [String] {
        if target.isEmpty { return ["index.md"] }
        if target.hasSuffix(".md") { return [target] }
        return [target, target + "/community.md", target + "/index.md"]
    }

    func brokenLink(_ destination: String, target: String) -> Problem {
        let (folder, name) = Self.splitFolder(target)
        let known = namesByFolder[folder] ?? []
        let hint: String
        if let nearest = Suggestion.nearest(to: name, in: known) {
            hint = "did you mean '\(nearest)'? (content/\(folder.isEmpty ? "" : folder + "/")\(nearest))"
        } else if known.isEmpty {
            hint = "there is no folder content/\(folder); check the path, counting '../' from this file's folder"
        } else {
            hint = "check the file name; links are relative to this file's folder"
        }
        return Problem(message: "broken link to '\(destination)': content/\(target) does not exist", hint: hint)
    }

    static func segments(_ folder: String) -> [Substring] {
        folder.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    static func splitFolder(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// `path` taken from `folder` with `.` and `..` resolved; nil when it climbs above `content/`.
    static func normalise(_ path: Substring, from folder: [Substring]) -> String? {
        var parts = folder
        for bytes in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let part = Substring(bytes)
            switch part {
            case ".": continue
            case "..":
                guard parts.popLast() != nil else { return nil }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
