import Yams

/// One pass over `copse.yml`'s keys, collecting diagnostics and the keys that could not be read.
struct ConfigReading {
    let yaml: YAMLDecoding
    let root: Node.Mapping
    var diagnostics: [Diagnostic] = []
    var unread: Set<String> = []
    /// The entry under `conferences:` each conference read came from, in the same order.
    var conferenceEntries: [Node] = []

    /// Conferences are read entry by entry, so one bad entry leaves the others.
    struct Conferences: Decodable {
        var conferences: [Entry]
    }

    /// One conference entry, or why it could not be read.
    struct Entry: Decodable {
        var result: Result<Config.Conference, DecodingError>

        init(from decoder: any Decoder) throws {
            do { result = .success(try Config.Conference(from: decoder)) } catch let error as DecodingError { result = .failure(error) }
        }
    }

    init(yaml: YAMLDecoding, root: Node.Mapping) {
        self.yaml = yaml
        self.root = root
    }

    mutating func reportUnknownKeys() {
        diagnostics += yaml.unknownKeys(in: .mapping(root), known: Config.knownKeys, context: "copse.yml")
        let nested = [("markdown", Config.markdownKeys, "'markdown'"), ("history", Config.historyKeys, "'history'"),
                      ("links", Config.linksKeys, "'links'")]
        for (key, known, context) in nested {
            if let value = root.value(for: key) { diagnostics += yaml.unknownKeys(in: value, known: known, context: context) }
        }
        if case .sequence(let conferences)? = root.value(for: "conferences") {
            for conference in conferences {
                diagnostics += yaml.unknownKeys(in: conference, known: Config.conferenceKeys, context: "a conference")
            }
        }
    }

    /// Every known key but `conferences`, each decoded on its own: a key of the wrong type is
    /// reported and left out, and the others are read.
    mutating func decodeKeys() -> Config.File {
        var kept: [(Node, Node)] = []
        for (key, value) in root {
            guard let name = key.string, Config.knownKeys.contains(name), name != "conferences" else { continue }
            let single = Node.mapping(Node.Mapping([(key, value)], root.tag, root.style, root.mark))
            switch yaml.decode(Config.File.self, from: single) {
            case .success: kept.append((key, value))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                unread.insert(name)
            }
        }
        let readable = Node.mapping(Node.Mapping(kept, root.tag, root.style, root.mark))
        switch yaml.decode(Config.File.self, from: readable) {
        case .success(let file): return file
        case .failure(let diagnostic):
            // Each key decoded on its own, so together they should too; report it if not.
            diagnostics.append(diagnostic)
            unread.formUnion(Config.knownKeys)
            return Config.File()
        }
    }

    /// The conferences that could be read; each entry with a problem is reported at its line.
    mutating func decodeConferences() -> [Config.Conference] {
        guard let pair = root.first(where: { $0.key.string == "conferences" }) else { return [] }
        let single = Node.mapping(Node.Mapping([pair], root.tag, root.style, root.mark))
        guard case .sequence = pair.value else {
            if case .failure(let diagnostic) = yaml.decode(Config.File.self, from: single) { diagnostics.append(diagnostic) }
            unread.insert("conferences")
            return []
        }
        switch yaml.decode(Conferences.self, from: single) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            unread.insert("conferences")
            return []
        case .success(let file):
            guard case .sequence(let nodes) = pair.value else { return [] }
            var read: [Config.Conference] = []
            for (entry, node) in zip(file.conferences, nodes) {
                switch entry.result {
                case .success(let conference):
                    read.append(conference)
                    conferenceEntries.append(node)
                case .failure(let error):
                    diagnostics.append(yaml.diagnostic(for: error, in: single))
                    unread.insert("conferences")
                }
            }
            return read
        }
    }
}
