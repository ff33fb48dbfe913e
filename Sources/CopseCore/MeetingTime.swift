/// When a meeting starts and ends on its day, from `time:` in its front matter: `"16:30"` or
/// `"16:30-18:00"`. A floating local time (no time zone): calendars show it as written.
package struct MeetingTime: Sendable, Equatable, Decodable {
    /// Minutes after midnight.
    package let start: Int
    /// Minutes after midnight, later than `start`; nil when only a start was given.
    package let end: Int?

    /// How to write it, for the diagnostic of a value that is not a time.
    package static let hint = "write the time as HH:MM or HH:MM-HH:MM on the 24-hour clock, for example 'time: \"16:30-18:00\"'"

    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let start = Self.minutes(parts[0]) else { return nil }
        self.start = start
        if parts.count == 2 {
            guard let end = Self.minutes(parts[1]), end > start else { return nil }
            self.end = end
        } else {
            end = nil
        }
    }

    /// From minutes after midnight, as ``start`` and ``end`` hold them; nil when they are not a
    /// time ``init(_:)`` would accept.
    package init?(start: Int, end: Int?) {
        guard (0..<24 * 60).contains(start), end.map({ $0 > start && $0 < 24 * 60 }) ?? true else { return nil }
        self.start = start
        self.end = end
    }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = MeetingTime(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a time of day (or the end is not after the start)"
            ))
        }
        self = time
    }

    /// `16:30 to 18:00`, or `16:30`.
    package var label: String {
        end.map { "\(Self.clock(start)) to \(Self.clock($0))" } ?? Self.clock(start)
    }

    /// `16:30`, from minutes after midnight.
    package static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}

private extension MeetingTime {
    /// `HH:MM` (or `H:MM`), spaces around it allowed, to minutes after midnight.
    static func minutes(_ text: Substring) -> Int? {
        let parts = String(text).trimmingWhitespace.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60 else { return nil }
        return hours * 60 + minutes
    }
}
