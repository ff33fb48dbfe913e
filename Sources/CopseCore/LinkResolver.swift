import CopseMarkdown
import Foundation

/// Resolves every internal link of every published page to a place in the output, or reports
/// it. Hash-map lookups only: linear in the number of links.
struct LinkResolver: Sendable {
    private let pageByPath: [String: PageID]
    var hidden: [String: HiddenReason]
    /// Markdown files that could not be read or parsed: they exist (their own problem is
    /// reported), so a link to one is not reported again as broken.
    private var unreadable: Set<String>
    private var staticFiles: Set<String>
    /// Folders that are pages without a Markdown file of their own: generated homes and lists.
    private var generatedFolders: [String: (output: String, title: String)] = [:]
    /// Every known content path by folder, for "did you mean" hints.
    private let namesByFolder: [String: [String]]
    /// The `README.md` (any case) of each folder that has one, by folder: a folder's page.
    private let readmes: [String: String]
    let wiki: WikiTargets

    /// `contentPaths`: every Markdown file under `content/`, whether or not it parsed.
    init(site: IndexedSite, contentPaths: [String]) {
        // The wiki's names and the other tables do not depend on each other: made at once.
        (wiki, (namesByFolder, pageByPath, readmes)) = inParallel({ WikiTargets(contentPaths: contentPaths) }, {
            var pageByPath: [String: PageID] = [:]
            pageByPath.reserveCapacity(site.pages.count)
            // By position: a PlacedPage copied out retains each of its parts.
            for index in site.pages.ids { pageByPath[site.pages[index].parsed.contentPath] = index }
            var readmes: [String: String] = [:]
            for path in contentPaths where PagePlacement.isReadme(path) {
                readmes[PathBytes.splitFolder(path).folder] = path
            }
            return (Self.namesByFolder(contentPaths + site.staticFiles.map(\.contentPath)), pageByPath, readmes)
        })
        hidden = site.hidden
        unreadable = site.unreadable
        staticFiles = Set(site.staticFiles.map(\.contentPath))
        for community in site.communities where community.profile == nil {
            generatedFolders["communities/\(community.id)"] = (community.outputPath, community.title)
        }
        generatedFolders["resources"] = ("resources/index.html", "Resources")
        if site.home == nil { generatedFolders[""] = ("index.html", site.config.title) }
    }

    /// Resolves the links of every page, pages in parallel (resolution only reads the index).
    /// The problems come back sorted and numbered, `[link 2/5]`, so a long list can be worked through.
    func resolveAll(_ snapshot: IndexedSite) -> Checked<[[ResolvedLink]]> {
        let results = snapshot.pages.ids.parallelMap { index -> ([ResolvedLink], [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let targets = snapshot.pages[index].parsed.markdown.links.map { link in
                switch resolve(link, from: index, site: snapshot) {
                case .success(let target): return target
                case .failure(let problem):
                    // Only a broken link may be a warning (links: { broken: warning }); one to a
                    // private or draft page, or an ambiguous one, is always an error.
                    let severity = problem.isBroken ? snapshot.config.links.broken : .error
                    diagnostics.append(Diagnostic(severity, snapshot.pages[index].parsed.location(of: link), problem.message, hint: problem.hint))
                    var target = ResolvedLink(path: "", fragment: "", title: link.destination)
                    target.isBroken = severity == .warning
                    return target
                }
            }
            return (targets, diagnostics)
        }
        var diagnostics = results.flatMap(\.1).sorted()
        for index in diagnostics.indices {
            diagnostics[index].message = "[link \(index + 1)/\(diagnostics.count)] " + diagnostics[index].message
        }
        return Checked(results.map(\.0), diagnostics)
    }

    struct Problem: Error, Sendable {
        var message: String
        var hint: String
        /// The target does not exist (a missing page, file, folder page or heading). False for a
        /// link to a private or draft page and an ambiguous wiki link, which are always errors.
        var isBroken = true
    }

    /// Where `link` in page `pageIndex` goes.
    func resolve(_ link: MarkdownLink, from pageIndex: PageID, site: IndexedSite) -> Result<ResolvedLink, Problem> {
        link.isWiki ? resolveWiki(link.destination, from: pageIndex, site: site)
            : resolveMarkdown(link.destination, from: pageIndex, site: site)
    }

    func resolveMarkdown(_ destination: String, from pageIndex: PageID, site: IndexedSite) -> Result<ResolvedLink, Problem> {
        let contentPath = site.pages[pageIndex].parsed.contentPath
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
        if path.isEmpty {
            return checkFragment(fragment, of: ResolvedLink(path: "", page: pageIndex), site: site, wiki: false, written: destination)
        }
        if path.utf8.contains(UInt8(ascii: "%")) { path = Substring(path.removingPercentEncoding ?? String(path)) }
        let folder = path.utf8.first == UInt8(ascii: "/") ? "" : PathBytes.folder(of: contentPath)
        guard let target = PathBytes.resolve(path, from: folder) else {
            return .failure(Problem(message: "link to '\(destination)' points outside content/",
                                    hint: "link only to files inside content/; use a full https:// address for anything else"))
        }
        switch lookup(candidates(for: target), site: site) {
        case .found(let found):
            return checkFragment(fragment, of: found, site: site, wiki: false, written: destination)
        case .hidden(let reason):
            return .failure(Self.hiddenProblem(reason, link: "'\(destination)'"))
        case .missing:
            return .failure(brokenLink(destination, target: target))
        }
    }
}

extension LinkResolver {
    enum Lookup {
        case found(ResolvedLink)
        case hidden(HiddenReason)
        case missing
    }

    /// The first candidate content path that exists, or why none can be linked to.
    func lookup(_ candidates: [String], site: IndexedSite) -> Lookup {
        for candidate in candidates {
            if let reason = hidden[candidate] { return .hidden(reason) }
            if let index = pageByPath[candidate] {
                return .found(ResolvedLink(path: site.pages[index].outputPath, page: index, title: site.pages[index].title))
            }
            if unreadable.contains(candidate) {
                // Its own error fails the build: where the link goes does not matter then.
                return .found(ResolvedLink(path: PagePlacement(contentPath: candidate).outputPath))
            }
            if let generated = generatedFolders[candidate] {
                return .found(ResolvedLink(path: generated.output, title: generated.title))
            }
            if staticFiles.contains(candidate) {
                return .found(ResolvedLink(path: candidate, title: PathBytes.splitFolder(candidate).name))
            }
        }
        return .missing
    }

    /// The paths a normalised target may name: the file itself, or a folder's page.
    func candidates(for target: String) -> [String] {
        if target.isEmpty { return ["index.md"] + (readmes[""].map { [$0] } ?? []) + [""] }
        if target.hasSuffix(".md") { return [target] }
        return [target, target + "/community.md", target + "/index.md"] + (readmes[target].map { [$0] } ?? [])
    }

    /// The names in each folder of `paths`, a folder's own folders included (`name/`).
    static func namesByFolder(_ paths: [String]) -> [String: [String]] {
        var names: [String: [String]] = [:]
        var folders = Set<String>()
        for path in paths {
            var (folder, name) = PathBytes.splitFolder(path)
            names[folder, default: []].append(name)
            // Each folder is also a name in its parent, for links to folders.
            while !folder.isEmpty, folders.insert(folder).inserted {
                (folder, name) = PathBytes.splitFolder(folder)
                names[folder, default: []].append(name + "/")
            }
        }
        return names
    }

    static func hiddenProblem(_ reason: HiddenReason, link: String) -> Problem {
        Problem(message: "links to a \(reason.word) page \(link)",
                hint: reason.word == "draft"
                    ? "drafts are not published: remove the link, or build with --drafts to preview"
                    : "private pages are never published: remove the link or make the page public",
                isBroken: false)
    }
}

private extension LinkResolver {
    func brokenLink(_ destination: String, target: String) -> Problem {
        let (folder, name) = PathBytes.splitFolder(target)
        let known = namesByFolder[folder] ?? []
        let hint: String
        if namesByFolder[target] != nil {
            return Problem(message: "broken link to '\(destination)': content/\(target) is a folder without a page of its own",
                           hint: "link to a page in it, or add content/\(target)/index.md or README.md")
        } else if let address = Self.webAddress(destination) {
            hint = "it looks like a web address, which needs its scheme: write 'https://\(address)'; without one, a link is a file under content/"
        } else if let nearest = Suggestion.nearest(to: name, in: known) {
            hint = "did you mean '\(nearest)'? (content/\(folder.isEmpty ? "" : folder + "/")\(nearest))"
        } else if known.isEmpty {
            hint = "there is no folder content/\(folder); check the path, counting '../' from this file's folder"
        } else {
            hint = "check the file name; links are relative to this file's folder"
        }
        return Problem(message: "broken link to '\(destination)': content/\(target) does not exist", hint: hint)
    }
}

extension LinkResolver {
    /// Top-level domains a scheme-less address commonly ends in (not file extensions).
    static let commonDomains: Set<String> = ["com", "org", "net", "edu", "gov", "io", "uk", "info", "eu", "ac", "co",
                                              "de", "fr", "nl", "ie", "scot", "wales", "us", "ca", "au", "nz", "app", "dev"]

    /// `www.example.org/x` written as a relative link: the destination, when its first segment
    /// is a host name (starts with `www.` or ends in a common top-level domain); else nil.
    static func webAddress(_ destination: String) -> String? {
        let host = destination.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map { $0.lowercased() } ?? ""
        let labels = host.split(separator: ".")
        guard labels.count >= 2, !destination.hasPrefix("."), !destination.hasPrefix("/") else { return nil }
        return host.hasPrefix("www.") || commonDomains.contains(String(labels.last!)) ? destination : nil
    }
}
