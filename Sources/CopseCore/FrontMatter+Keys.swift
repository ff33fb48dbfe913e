import Yams
import Foundation

/// Where ``FrontMatter`` reads the value of one key: the keyed container of Yams' decoder
/// (``FrontMatter/init(from:)``), or the key's own node (``FrontMatter/decodedByKey(_:yaml:)``).
/// Either way Yams decodes the value into its Swift type; only how the value is found differs.
protocol FrontMatterValue {
    func decode<T: Decodable>(_ type: T.Type) throws -> T
    /// What `decode(String?.self)` gives.
    func text() throws -> String?
    /// What `decode(Bool?.self)` gives.
    func flag() throws -> Bool?
    /// What `decode([String]?.self)` gives.
    func texts() throws -> [String]?
    /// What `decode(Day?.self)` gives.
    func day() throws -> Day?
    /// What `decode(Attendance?.self)` gives.
    func attendance() throws -> Attendance?
    /// What `decode(Evidence?.self)` gives.
    func evidence() throws -> Evidence?
}

extension FrontMatterValue {
    func text() throws -> String? { try decode(String?.self) }
    func flag() throws -> Bool? { try decode(Bool?.self) }
    func texts() throws -> [String]? { try decode([String]?.self) }
    func day() throws -> Day? { try decode(Day?.self) }
    func attendance() throws -> Attendance? { try decode(Attendance?.self) }
    func evidence() throws -> Evidence? { try decode(Evidence?.self) }
}

struct KeyedValue: FrontMatterValue {
    let container: KeyedDecodingContainer<FrontMatter.CodingKeys>
    let key: FrontMatter.CodingKeys

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try container.decode(type, forKey: key) }
}

struct NodeValue: FrontMatterValue {
    let node: Node

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try YAMLDecoding.decoder.decode(type, from: node) }

    // The three most common shapes are read straight from the node, by the same rules Yams'
    // decoder follows (a plain `~`, `null` or nothing is nil, see `NSNull.construct`; text is the
    // scalar as written; a flag is `Bool.construct`), without making a decoder for each value:
    // 0.9% of a full build's instructions. Anything else goes to Yams, which reports the problem.

    func text() throws -> String? {
        guard case .scalar(let scalar) = node else { return try decode(String?.self) }
        return NSNull.construct(from: scalar) == nil ? scalar.string : nil
    }

    func flag() throws -> Bool? {
        guard case .scalar(let scalar) = node else { return try decode(Bool?.self) }
        if NSNull.construct(from: scalar) != nil { return nil }
        return try Bool.construct(from: scalar) ?? decode(Bool?.self)
    }

    /// A date is the scalar's text read by ``Day/init(iso:)``, as `Day`'s decoder reads it.
    func day() throws -> Day? {
        guard case .scalar(let scalar) = node else { return try decode(Day?.self) }
        if NSNull.construct(from: scalar) != nil { return nil }
        guard let day = Day(iso: scalar.string) else { return try decode(Day?.self) }
        return day
    }

    /// A head count is `Int.construct`, as Yams decodes an `Int`; a list, its items' text.
    func attendance() throws -> Attendance? {
        switch node {
        case .scalar(let scalar):
            if NSNull.construct(from: scalar) != nil { return nil }
            guard let count = Int.construct(from: scalar) else { return try decode(Attendance?.self) }
            return .count(count)
        case .sequence:
            do { return .names(try texts() ?? []) } catch { return try decode(Attendance?.self) }
        default:
            return try decode(Attendance?.self)
        }
    }

    /// Evidence is each of its keys read as text or a list of text, as ``Evidence/init(from:)``
    /// reads them; a key it does not know is passed over, as its decoder passes it over.
    func evidence() throws -> Evidence? {
        switch node {
        case .scalar(let scalar) where NSNull.construct(from: scalar) != nil: return nil
        case .mapping(let mapping):
            var evidence = Evidence()
            do {
                for (key, value) in mapping {
                    guard let name = key.string, let known = Evidence.CodingKeys(rawValue: name) else { continue }
                    let value = NodeValue(node: value)
                    switch known {
                    case .summary: evidence.summary = try value.text()
                    case .principles: evidence.principles = try value.texts()
                    case .conference: evidence.conference = try value.text()
                    case .purpose: evidence.purpose = try value.text()
                    case .value: evidence.value = try value.text()
                    case .kind: evidence.kind = try value.text()
                    }
                }
            } catch {
                // Yams' decoder then says what is wrong, as it would have.
                return try decode(Evidence?.self)
            }
            return evidence
        default: return try decode(Evidence?.self)
        }
    }

    func texts() throws -> [String]? {
        switch node {
        case .scalar(let scalar) where NSNull.construct(from: scalar) != nil: return nil
        case .sequence(let sequence):
            var items: [String] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard case .scalar(let scalar) = item else { return try decode([String]?.self) }
                items.append(scalar.string)
            }
            return items
        default: return try decode([String]?.self)
        }
    }
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
        case .title: title = try value.text()
        case .summary: summary = try value.text()
        case .date: date = try value.day()
        case .updated: updated = try value.day()
        case .tags: tags = try value.texts()
        case .kind: kind = try value.text()
        case .draft: draft = try value.flag()
        case .private: `private` = try value.flag()
        case .region: region = try value.text()
        case .leaders: leaders = try value.texts()
        case .meets: meets = try value.text()
        case .purpose: purpose = try value.text()
        case .attendees: attendees = try value.attendance()
        case .location: location = try value.text()
        case .time: time = try value.decode(MeetingTime?.self)
        case .evidence: evidence = try value.evidence()
        }
    }
}
