import CopseCore

/// An iCalendar file (RFC 5545) of meetings, as values; ``text`` writes it: CRLF line ends, long
/// lines folded at 75 octets, text values escaped.
struct ICalendar: Sendable, Equatable {
    struct Event: Sendable, Equatable {
        /// Stable across builds and edits: the community, the meeting's file name and the host.
        var uid: String
        /// When the event was last revised: the page's `updated:`, else the meeting day.
        var stamp: Day
        var day: Day
        /// Without a time the event is a whole day.
        var time: MeetingTime?
        var summary: String
        var url: String
        var location: String?
        var description: String?
    }

    /// `X-WR-CALNAME`: what a calendar app calls the subscription.
    var name: String
    var events: [Event]

    static let productID = "-//copse//Community hub meetings//EN"

    var text: String {
        var out = ""
        out.reserveCapacity(events.count * 450 + 200)
        for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.productID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
            Self.put(line, into: &out)
        }
        Self.put("X-WR-CALNAME:", Self.escape(name), into: &out)
        for event in events { Self.write(event, into: &out) }
        Self.put("END:VCALENDAR", into: &out)
        return out
    }

    /// A TEXT value: backslash, semicolon and comma escaped, each line break written `\n`, other
    /// control characters (not allowed in TEXT) left out.
    static func escape(_ text: String) -> String {
        let special = { (byte: UInt8) in byte == 0x5C || byte == 0x3B || byte == 0x2C || (byte < 0x20 && byte != 0x09) || byte == 0x7F }
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? text.utf8.contains(where: special) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var afterCR = false
        for byte in text.utf8 {
            defer { afterCR = byte == 0x0D }
            switch byte {
            case 0x5C, 0x3B, 0x2C: out += [0x5C, byte]
            case 0x0D: out += [0x5C, UInt8(ascii: "n")]
            case 0x0A: if !afterCR { out += [0x5C, UInt8(ascii: "n")] }
            case _ where special(byte): continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A content line folded so that no line is longer than 75 octets: each continuation starts
    /// with a space. A fold never falls inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 37)
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Back up to the first byte of a character (continuation bytes are 10xxxxxx).
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { out += [0x0D, 0x0A, 0x20] }
            out += bytes[start..<end]
            start = end
            limit = 74
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `20261124`
    static func date(_ day: Day) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 8)
        writeDigits(day.year, in: &bytes[0..<4])
        writeDigits(day.month, in: &bytes[4..<6])
        writeDigits(day.day, in: &bytes[6..<8])
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value`'s last decimal digits, zero-padded, written over `digits`.
    private static func writeDigits(_ value: Int, in digits: inout ArraySlice<UInt8>) {
        var rest = value
        for position in digits.indices.reversed() {
            digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}

private extension ICalendar {
    static func write(_ event: Event, into out: inout String) {
        put("BEGIN:VEVENT", into: &out)
        put("UID:", escape(event.uid), into: &out)
        put("DTSTAMP:", date(event.stamp) + "T000000Z", into: &out)
        if let time = event.time {
            put("DTSTART:", dateTime(event.day, time.start), into: &out)
            if let end = time.end { put("DTEND:", dateTime(event.day, end), into: &out) }
        } else {
            put("DTSTART;VALUE=DATE:", date(event.day), into: &out)
            put("DTEND;VALUE=DATE:", date(event.day.adding(days: 1)), into: &out)
        }
        put("SUMMARY:", escape(event.summary), into: &out)
        put("URL:", event.url, into: &out)
        if let location = event.location { put("LOCATION:", escape(location), into: &out) }
        if let description = event.description { put("DESCRIPTION:", escape(description), into: &out) }
        put("END:VEVENT", into: &out)
    }

    /// One content line, `name` (with its `:`) then `value`, folded, and its CRLF.
    static func put(_ name: String, _ value: String = "", into out: inout String) {
        if name.utf8.count + value.utf8.count > 75 {
            out += fold(name + value)
        } else {
            out += name
            out += value
        }
        out += "\r\n"
    }

    /// `20261124T163000`: a floating local time.
    static func dateTime(_ day: Day, _ minutes: Int) -> String {
        date(day) + "T" + digits(minutes / 60, 2) + digits(minutes % 60, 2) + "00"
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func digits(_ value: Int, _ width: Int) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        writeDigits(value, in: &bytes[...])
        return String(decoding: bytes, as: UTF8.self)
    }
}
