/// The typed front-matter keys copse understands. Everything else is kept in `extra`.
package struct FrontMatter: Sendable, Equatable, Decodable {
    package var title: String?
    package var summary: String?
    package var date: Day?
    package var updated: Day?
    package var tags: [String]?
    /// What sort of resource this is (`lesson plan`, `guide`, `tool`): the commons filters by it.
    package var kind: String?
    package var draft: Bool?
    package var `private`: Bool?
    // Community profile (community.md).
    package var region: String?
    package var leaders: [String]?
    package var meets: String?
    package var purpose: String?
    // Meeting notes.
    package var attendees: Attendance?
    package var location: String?
    /// Time of day (`16:30-18:00`), for calendars.
    package var time: MeetingTime?
    // Conference evidence (any page).
    package var evidence: Evidence?

    package init() {}

    package static let knownKeys = CodingKeys.allCases.map(\.rawValue)

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, date, updated, tags, kind, draft, `private`
        case region, leaders, meets, purpose, attendees, location, time, evidence
    }

    /// Decodes only the keys the page has. The synthesised initialiser asks Yams about all
    /// sixteen keys, and each question is a linear search that resolves YAML tags with regular
    /// expressions: a third of the parse stage on a large hub. Every value is still decoded by
    /// Yams into its Swift type, with the same errors; `key:` with no value (null) is nil.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for key in container.allKeys {
            switch key {
            case .title: title = try container.decode(String?.self, forKey: key)
            case .summary: summary = try container.decode(String?.self, forKey: key)
            case .date: date = try container.decode(Day?.self, forKey: key)
            case .updated: updated = try container.decode(Day?.self, forKey: key)
            case .tags: tags = try container.decode([String]?.self, forKey: key)
            case .kind: kind = try container.decode(String?.self, forKey: key)
            case .draft: draft = try container.decode(Bool?.self, forKey: key)
            case .private: `private` = try container.decode(Bool?.self, forKey: key)
            case .region: region = try container.decode(String?.self, forKey: key)
            case .leaders: leaders = try container.decode([String]?.self, forKey: key)
            case .meets: meets = try container.decode(String?.self, forKey: key)
            case .purpose: purpose = try container.decode(String?.self, forKey: key)
            case .attendees: attendees = try container.decode(Attendance?.self, forKey: key)
            case .location: location = try container.decode(String?.self, forKey: key)
            case .time: time = try container.decode(MeetingTime?.self, forKey: key)
            case .evidence: evidence = try container.decode(Evidence?.self, forKey: key)
            }
        }
    }
}

/// Who came to a meeting: a head count, or a list of names.
package enum Attendance: Sendable, Equatable, Decodable {
    case count(Int)
    case names([String])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let count = try? container.decode(Int.self) {
            self = .count(count)
        } else if let names = try? container.decode([String].self) {
            self = .names(names)
        } else {
            throw DecodingError.typeMismatch(Attendance.self, .init(
                codingPath: decoder.codingPath,
                debugDescription: "expected a number of people or a list of names"
            ))
        }
    }

    package var count: Int {
        switch self {
        case .count(let count): count
        case .names(let names): names.count
        }
    }
}
