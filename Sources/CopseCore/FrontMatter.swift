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
        for key in container.allKeys { try set(key, from: KeyedValue(container: container, key: key)) }
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
