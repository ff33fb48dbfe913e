import CopseMarkdown
import Foundation

extension LinkResolver {
    /// `[[name]]`, `[[community/name]]`, `[[path/under/content]]`, each with an optional
    /// `#heading`. A bare name is looked up in the page's own community, then among the hub's
    /// resources and pages, then as a community's folder name, then in the other communities.
    func resolveWiki(_ destination: String, from pageIndex: PageID, site: IndexedSite) -> Result<ResolvedLink, Problem> {
        let community = site.pages[pageIndex].community
        let written = "[[\(destination)]]"
        // Byte-level: this runs for every wiki link of the hub.
        var name = Substring(destination)
        var fragment = ""
        if let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) {
            name = destination[..<hash]
            fragment = String(destination[hash...])
        }
        while name.utf8.last == UInt8(ascii: " ") || name.utf8.last == UInt8(ascii: "\t") { name = name.dropLast() }
        if name.isEmpty {
            return checkFragment(fragment, of: ResolvedLink(path: "", page: pageIndex, title: site.pages[pageIndex].title), site: site, wiki: true, written: written)
        }
        if name.utf8.count > 3, name.utf8.suffix(3).elementsEqual(".md".utf8) { name = name.dropLast(3) }
        let result = name.utf8.contains(UInt8(ascii: "/"))
            ? resolveWikiPath(name, community: community, written: written, site: site)
            : resolveWikiName(String(name), community: community, written: written, site: site)
        return result.flatMap { checkFragment(fragment, of: $0, site: site, wiki: true, written: written) }
    }
}

private extension LinkResolver {
    func resolveWikiName(_ name: String, community: String?, written: String, site: IndexedSite) -> Result<ResolvedLink, Problem> {
        if let step = wiki.firstStep(for: name, community: community) {
            return choose(step, written: written, site: site)
        }
        let nearest = Suggestion.nearest(to: WikiTargets.key(Substring(name)), in: wiki.names(near: community))
        return .failure(Problem(
            message: "wiki link \(written) matches no page",
            hint: (nearest.map { "did you mean [[\($0)]]? " } ?? "")
                + "a wiki link names a file without '.md': [[charter]], [[community-folder/page]] or a path under content/"))
    }

    /// `[[community/name]]` first, then a path from the page's community folder, then from content/.
    func resolveWikiPath(_ name: Substring, community: String?, written: String, site: IndexedSite) -> Result<ResolvedLink, Problem> {
        let parts = name.split(separator: "/", omittingEmptySubsequences: true)
        var named: String?
        if parts.count == 2, let (id, found) = wiki.inCommunity(parts[0], parts[1]) {
            if !found.isEmpty { return choose(found, written: written, site: site) }
            named = id
        }
        var bases: [Substring] = [""]
        if let community { bases.insert(Substring("communities/" + community), at: 0) }
        for base in bases {
            guard let target = PathBytes.resolve(name, from: base) else { continue }
            let candidates = [target + ".md"] + candidates(for: target)
            switch lookup(candidates, site: site) {
            case .found(let found): return .success(found)
            case .hidden(let reason): return .failure(Self.hiddenProblem(reason, link: written))
            case .missing: continue
            }
        }
        if let id = named {
            let nearest = Suggestion.nearest(to: WikiTargets.key(parts[1]), in: wiki.names(in: id))
            return .failure(Problem(message: "wiki link \(written): community '\(id)' has no page '\(parts[1])'",
                                    hint: nearest.map { "did you mean [[\(parts[0])/\($0)]]?" }
                                        ?? "check the file name in content/communities/\(id)/"))
        }
        return .failure(Problem(message: "wiki link \(written) matches no page",
                                hint: "content/\(name).md does not exist; a path in a wiki link starts at content/ or at this community's folder"))
    }

    /// One target from a step of the resolution order: published ones win over private or
    /// draft ones; two published ones are ambiguous.
    func choose(_ paths: [String], written: String, site: IndexedSite) -> Result<ResolvedLink, Problem> {
        let published = paths.filter { candidates(for: $0).allSatisfy { hidden[$0] == nil } }
        guard !published.isEmpty else {
            let reason = candidates(for: paths[0]).lazy.compactMap { hidden[$0] }.first
            return .failure(Self.hiddenProblem(reason ?? HiddenReason(word: "private", wholeCommunity: false), link: written))
        }
        guard published.count == 1 else {
            let sorted = published.sorted()
            return .failure(Problem(
                message: "wiki link \(written) is ambiguous: it matches \(sorted.map { "content/\($0)" }.joined(separator: ", "))",
                hint: "name the one you mean: " + sorted.map { "[[\(wiki.shortestLink(to: $0))]]" }.joined(separator: " or "),
                isBroken: false))
        }
        switch lookup(candidates(for: published[0]), site: site) {
        case .found(let found): return .success(found)
        case .hidden(let reason): return .failure(Self.hiddenProblem(reason, link: written))
        case .missing: return .failure(Problem(message: "wiki link \(written) matches no page", hint: "check the name"))
        }
    }
}
