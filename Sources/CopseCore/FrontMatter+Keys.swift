import Yams

/// Where ``FrontMatter`` reads the value of one key: the keyed container of Yams' decoder
/// (``FrontMatter/init(from:)``), or the key's own node (``FrontMatter/decodedByKey(_:yaml:)``).
/// Either way Yams decodes the value into its Swift type; only how the value is found differs.
protocol FrontMatterValue {
    func decode<T: Decodable>(_ type: T.Type) throws -> T
}

struct KeyedValue: FrontMatterValue {
    let container: KeyedDecodingContainer<FrontMatter.CodingKeys>
    let key: FrontMatter.CodingKeys

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try container.decode(type, forKey: key) }
}

struct NodeValue: FrontMatterValue {
    let node: Node

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try YAMLDecoding.decoder.decode(type, from: node) }
}

extension FrontMatter {
    /// The front matter of `mapping`, each known key's value decoded by Yams from its own node.
    /// Yams' keyed container lists a mapping's keys and finds each one again by comparing nodes,
    /// resolving tags with regular expressions on every comparison: half of the time of decoding
    /// front matter. Nil when any value fails to decode, or when the YAML may hold an alias
    /// (`*name`, which only a decoder of the whole mapping follows): the caller then decodes the
    /// whole mapping as before, which reports every problem with its place.
    static func decodedByKey(_ mapping: Node.Mapping, yaml: String) -> FrontMatter? {
        guard !yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var frontMatter = FrontMatter()
        do {
            for (key, value) in mapping {
                guard let name = key.string, let known = CodingKeys(rawValue: name) else { continue }
                try frontMatter.set(known, from: NodeValue(node: value))
            }
        } catch {
            return nil
        }
        return frontMatter
    }

    /// Sets the field of `key` from `value`: the one list of which key holds which type.
    mutating func set(_ key: CodingKeys, from value: some FrontMatterValue) throws {
        switch key {
        case .title: title = try value.decode(String?.self)
        case .summary: summary = try value.decode(String?.self)
        case .date: date = try value.decode(Day?.self)
        case .updated: updated = try value.decode(Day?.self)
        case .tags: tags = try value.decode([String]?.self)
        case .kind: kind = try value.decode(String?.self)
        case .draft: draft = try value.decode(Bool?.self)
        case .private: `private` = try value.decode(Bool?.self)
        case .region: region = try value.decode(String?.self)
        case .leaders: leaders = try value.decode([String]?.self)
        case .meets: meets = try value.decode(String?.self)
        case .purpose: purpose = try value.decode(String?.self)
        case .attendees: attendees = try value.decode(Attendance?.self)
        case .location: location = try value.decode(String?.self)
        case .time: time = try value.decode(MeetingTime?.self)
        case .evidence: evidence = try value.decode(Evidence?.self)
        }
    }
}
