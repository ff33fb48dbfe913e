/// The names a wiki link can use, by where they are looked up: the page's own community, the
/// hub (shared resources and hub pages), community folder names, then every other community.
/// Holds every Markdown file, published or not, so a link to a private page says so.
struct WikiTargets: Sendable {
    /// Community id to name key to content paths.
    private var byCommunity: [String: [String: [String]]] = [:]
    /// Shared resources and hub pages (`agreement`, `index`).
    private var hub: [String: [String]] = [:]
    /// Name key to community id.
    private var communities: [String: String] = [:]
    /// Name key to content paths in any community.
    private var anyCommunity: [String: [String]] = [:]

    /// `contentPaths`: every Markdown file under `content/`; each folder under
    /// `content/communities/` that holds one is a community.
    init(contentPaths: [String]) {
        var communityIDs = Set<String>()
        for path in contentPaths {
            let parts = PathBytes.parts(path)
            let key = Self.key(parts[parts.count - 1].dropLast(3))
            if parts.count >= 3, parts[0] == "communities" {
                let id = String(parts[1])
                communityIDs.insert(id)
                byCommunity[id, default: [:]][key, default: []].append(path)
                anyCommunity[key, default: []].append(path)
            } else if parts.count <= 2 {
                hub[key, default: []].append(path)
            }
        }
        for id in communityIDs.sorted() { communities[Self.key(Substring(id))] = id }
    }

    /// How a name is compared: case does not matter and spaces count as hyphens, so
    /// `[[Pair Programming]]` finds `pair-programming.md`.
    static func key(_ name: Substring) -> String {
        let plain = name.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        if plain { return String(name) }
        var out = ""
        for character in name.lowercased() { out.append(character == " " ? "-" : character) }
        return out
    }

    /// The targets `name` may mean at the first step of the resolution order that has any:
    /// own community, hub, community names, other communities. A community home is given as
    /// its folder (`communities/x`).
    func firstStep(for name: String, community: String?) -> [String]? {
        let key = Self.key(Substring(name))
        if let community, let own = byCommunity[community]?[key] { return own }
        if let shared = hub[key] { return shared }
        if let id = communities[key] { return ["communities/\(id)"] }
        guard let all = anyCommunity[key] else { return nil }
        guard let community else { return all }
        let prefix = "communities/\(community)/"
        let others = all.filter { !$0.hasPrefix(prefix) }
        return others.isEmpty ? nil : others
    }

    /// The community `idName` names and its targets called `name` (for `[[community/name]]`);
    /// nil when `idName` is not a community.
    func inCommunity(_ idName: Substring, _ name: Substring) -> (id: String, paths: [String])? {
        guard let id = communities[Self.key(idName)] else { return nil }
        return (id, byCommunity[id]?[Self.key(name)] ?? [])
    }

    /// Names a page in `community` can use, for "did you mean" (own community, hub, communities, all).
    func names(near community: String?) -> [String] {
        var names = Array((community.flatMap { byCommunity[$0] } ?? [:]).keys) + Array(hub.keys) + Array(communities.keys)
        names += anyCommunity.keys
        return names
    }

    /// Names in one community.
    func names(in id: String) -> [String] {
        byCommunity[id].map { Array($0.keys) } ?? []
    }

    /// The shortest wiki link that names `path` alone: `leeds/charter` for a community page
    /// whose name is unique there, otherwise the path under content/ without `.md`.
    func shortestLink(to path: String) -> String {
        let parts = PathBytes.parts(path)
        if parts.count >= 3, parts[0] == "communities" {
            let key = Self.key(parts[parts.count - 1].dropLast(3))
            if byCommunity[String(parts[1])]?[key]?.count == 1 { return "\(parts[1])/\(parts[parts.count - 1].dropLast(3))" }
        }
        return path.hasSuffix(".md") ? String(path.dropLast(3)) : path
    }
}
