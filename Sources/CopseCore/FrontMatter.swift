/// The typed front-matter keys copse understands. Everything else is kept in `extra`.
public struct FrontMatter: Sendable, Equatable, Decodable {
    public var title: String?
    public var summary: String?
    public var date: Day?
    public var updated: Day?
    public var tags: [String]?
    public var draft: Bool?
    public var `private`: Bool?
    // Community profile (community.md).
    public var region: String?
    public var leaders: [String]?
    public var meets: String?
    public var purpose: String?
    // Meeting notes.
    public var attendees: Attendance?
    public var location: String?

    public init() {}

    public static let knownKeys = [
        "title", "summary", "date", "updated", "tags", "draft", "private",
        "region", "leaders", "meets", "purpose", "attendees", "location",
    ]
}

/// Who came to a meeting: a head count, or a list of names.
public enum Attendance: Sendable, Equatable, Decodable {
    case count(Int)
    case names([String])

    public init(from decoder: any Decoder) throws {
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

    public var count: Int {
        switch self {
        case .count(let count): count
        case .names(let names): names.count
        }
    }
}
