/// A calendar date without time or zone: meeting days, "last revised" dates, the build's today.
package struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time (`2026-11-24 18:00`, `2026-11-24T18:00:00Z`),
    /// which is ignored.
    package init?(iso text: some StringProtocol) {
        let digits = Array(text.utf8)
        guard digits.count >= 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-") else { return nil }
        if digits.count > 10, digits[10] != UInt8(ascii: "T"), digits[10] != UInt8(ascii: " ") { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in digits[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before).
    package init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    package var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    package func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day of the month `months` later (earlier when negative), or that month's last
    /// day when it is shorter: 31 August minus six months is 28 (or 29) February.
    package func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        return Day(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))!
    }

    /// `2026-11-24`
    /// Written as ten bytes when the year has four digits (which fits in a string's own storage,
    /// with nothing allocated): pages, feeds and calendars write tens of thousands of dates.
    package var iso: String {
        guard (0...9999).contains(year) else {
            let digits = String(year)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + Self.twoDigits(month) + "-" + Self.twoDigits(day)
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            Self.put(year, width: 4, into: bytes, at: 0)
            bytes[4] = UInt8(ascii: "-")
            Self.put(month, width: 2, into: bytes, at: 5)
            bytes[7] = UInt8(ascii: "-")
            Self.put(day, width: 2, into: bytes, at: 8)
            return 10
        }
    }

    /// `Tuesday 24 November 2026`, written from the names' bytes and the digits.
    package var long: String {
        let weekdayName = Self.weekdays[weekday]
        let monthName = Self.months[month - 1]
        guard (0...9999).contains(year) else { return "\(weekdayName) \(day) \(monthName) \(year)" }
        let dayDigits = day < 10 ? 1 : 2
        let yearDigits = year < 10 ? 1 : year < 100 ? 2 : year < 1000 ? 3 : 4
        let count = weekdayName.utf8.count + monthName.utf8.count + dayDigits + yearDigits + 3
        return String(unsafeUninitializedCapacity: count) { bytes in
            var offset = 0
            func copy(_ text: String) {
                for byte in text.utf8 {
                    bytes[offset] = byte
                    offset += 1
                }
            }
            copy(weekdayName)
            bytes[offset] = UInt8(ascii: " ")
            Self.put(day, width: dayDigits, into: bytes, at: offset + 1)
            bytes[offset + 1 + dayDigits] = UInt8(ascii: " ")
            offset += dayDigits + 2
            copy(monthName)
            bytes[offset] = UInt8(ascii: " ")
            Self.put(year, width: yearDigits, into: bytes, at: offset + 1)
            return offset + 1 + yearDigits
        }
    }

    /// `value` in decimal, zero-padded to `width` digits (its last `width` digits if longer).
    private static func put(_ value: Int, width: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = value
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// 0 = Monday ... 6 = Sunday.
    package var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }

    package var description: String { iso }

    package static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension Day: Decodable {
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date"
            ))
        }
        self = day
    }
}

private extension Day {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
