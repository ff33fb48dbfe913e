/// Themes that extend themes: a child theme's templates replace its parent's by name, and
/// `{{<parent/name}}` (or `{{>parent/name}}`) reaches the parent's own version of `name`, so
/// that a child's `meeting` can be the parent's `meeting` with one block replaced.
///
/// Each theme of a chain keeps its templates under a key of its own depth in the chain, which no
/// tag can spell, so a hub's `default` that extends the shipped `default` still reaches the
/// shipped one when a third theme extends the hub's. Every other name is looked up in the
/// finished set: a parent's template that includes `{{>partials/tags}}` gets the child's
/// `partials/tags` when the child has one.
package extension TemplateSet {
    /// Keeps every template now in the set under the key of chain depth `layer`, before the
    /// next theme of the chain adds its own.
    mutating func keepParentVersions(layer: Int) {
        for (name, nodes) in templates where !name.hasPrefix(Self.layerMark) {
            add(nodes, named: Self.key(name, layer: layer), source: sources[name])
        }
    }

    /// The names of the templates kept for chain depth `layer`, sorted.
    func names(ofLayer layer: Int) -> [String] {
        let prefix = Self.key("", layer: layer)
        return templates.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    /// `nodes` with every partial or parent tag named `parent/x` pointed at the version of `x`
    /// kept for chain depth `layer`; names with no such version are added to `missing`.
    func pointingAtParent(_ nodes: [TemplateNode], parent: String, layer: Int, missing: inout [String]) -> [TemplateNode] {
        nodes.map { node in
            switch node {
            case .text, .variable:
                return node
            case .section(let name, let body, let inverted, let position):
                return .section(name, pointingAtParent(body, parent: parent, layer: layer, missing: &missing), inverted: inverted,
                                at: position)
            case .block(let name, let body):
                return .block(name, pointingAtParent(body, parent: parent, layer: layer, missing: &missing))
            case .partial(let name, let indentation, let position):
                return .partial(resolve(name, parent: parent, layer: layer, missing: &missing), indentation: indentation, at: position)
            case .parent(let name, let blocks, let indentation, let position):
                let inner = blocks.mapValues { pointingAtParent($0, parent: parent, layer: layer, missing: &missing) }
                return .parent(resolve(name, parent: parent, layer: layer, missing: &missing), blocks: inner,
                               indentation: indentation, at: position)
            }
        }
    }
}

package extension TemplateSet {
    /// The name a tag would spell for a template kept for a parent theme: `default/meeting`
    /// for the kept `meeting`, or the name itself for any other template.
    func spelled(_ key: String) -> String {
        guard key.hasPrefix(Self.layerMark), let slash = key.firstIndex(of: "/") else { return key }
        return "parent/" + key[key.index(after: slash)...]
    }
}

private extension TemplateSet {
    /// Starts every kept key: a control character, which nobody types into a tag.
    static let layerMark = "\u{1}"

    static func key(_ name: String, layer: Int) -> String { "\(layerMark)\(layer)/\(name)" }

    func resolve(_ name: String, parent: String, layer: Int, missing: inout [String]) -> String {
        guard name.hasPrefix(parent + "/") else { return name }
        let bare = String(name.dropFirst(parent.count + 1))
        let key = Self.key(bare, layer: layer)
        if !has(key), !missing.contains(bare) { missing.append(bare) }
        return key
    }
}
