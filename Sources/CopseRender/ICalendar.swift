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

    /// Written as bytes, each line made in one reused buffer and folded from it: a hub's
    /// calendars hold every meeting (the hub's, each community's and each meeting's own).
    var text: String {
        var writer = Writer()
        writer.out.reserveCapacity(events.count * 450 + 200)
        for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.productID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
            writer.line(line)
        }
        writer.line("X-WR-CALNAME:", escaping: name)
        for event in events { writer.event(event) }
        writer.line("END:VCALENDAR")
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// A TEXT value: backslash, semicolon and comma escaped, each line break written `\n`, other
    /// control characters (not allowed in TEXT) left out.
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        Writer.appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A content line folded so that no line is longer than 75 octets: each continuation starts
    /// with a space. A fold never falls inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        Writer.fold(Array(line.utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

}

private extension ICalendar {
    /// The calendar's bytes, a content line at a time.
    struct Writer {
        var out: [UInt8] = []
        /// The line being made, before it is folded into `out`.
        private var pending: [UInt8] = []

        mutating func event(_ event: Event) {
            line("BEGIN:VEVENT")
            line("UID:", escaping: event.uid)
            start("DTSTAMP:")
            Self.appendDate(event.stamp, to: &pending)
            Self.append("T000000Z", to: &pending)
            finish()
            if let time = event.time {
                dateTime("DTSTART:", event.day, time.start)
                if let end = time.end { dateTime("DTEND:", event.day, end) }
            } else {
                start("DTSTART;VALUE=DATE:")
                Self.appendDate(event.day, to: &pending)
                finish()
                start("DTEND;VALUE=DATE:")
                Self.appendDate(event.day.adding(days: 1), to: &pending)
                finish()
            }
            line("SUMMARY:", escaping: event.summary)
            line("URL:", event.url)
            if let location = event.location { line("LOCATION:", escaping: location) }
            if let description = event.description { line("DESCRIPTION:", escaping: description) }
            line("END:VEVENT")
        }

        /// One content line, `name` (with its `:`) then `value`, folded, and its CRLF.
        mutating func line(_ name: String, _ value: String = "") {
            start(name)
            Self.append(value, to: &pending)
            finish()
        }

        /// As ``line(_:_:)``, with `value` escaped as TEXT.
        mutating func line(_ name: String, escaping value: String) {
            start(name)
            Self.appendEscaped(value, to: &pending)
            finish()
        }

        /// `20261124T163000`: a floating local time.
        private mutating func dateTime(_ name: String, _ day: Day, _ minutes: Int) {
            start(name)
            Self.appendDate(day, to: &pending)
            pending.append(UInt8(ascii: "T"))
            Self.appendDigits(minutes / 60, width: 2, to: &pending)
            Self.appendDigits(minutes % 60, width: 2, to: &pending)
            Self.append("00", to: &pending)
            finish()
        }

        private mutating func start(_ name: String) {
            pending.removeAll(keepingCapacity: true)
            Self.append(name, to: &pending)
        }

        private mutating func finish() {
            Self.fold(pending, into: &out)
            out.append(0x0D)
            out.append(0x0A)
        }

        static func append(_ text: String, to bytes: inout [UInt8]) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }

        static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
            let special = { (byte: UInt8) in byte == 0x5C || byte == 0x3B || byte == 0x2C || (byte < 0x20 && byte != 0x09) || byte == 0x7F }
            var text = text
            text.withUTF8 { utf8 in
                guard utf8.contains(where: special) else { return bytes.append(contentsOf: utf8) }
                var afterCR = false
                for byte in utf8 {
                    defer { afterCR = byte == 0x0D }
                    switch byte {
                    case 0x5C, 0x3B, 0x2C:
                        bytes.append(0x5C)
                        bytes.append(byte)
                    case 0x0D:
                        bytes.append(0x5C)
                        bytes.append(UInt8(ascii: "n"))
                    case 0x0A:
                        if !afterCR {
                            bytes.append(0x5C)
                            bytes.append(UInt8(ascii: "n"))
                        }
                    case _ where special(byte): continue
                    default: bytes.append(byte)
                    }
                }
            }
        }

        /// `line` folded into `out`: 75 octets, then 74 after each CRLF and space, backed up to
        /// the first byte of a character.
        static func fold(_ line: [UInt8], into out: inout [UInt8]) {
            guard line.count > 75 else { return out.append(contentsOf: line) }
            var start = 0
            var limit = 75
            while start < line.count {
                var end = min(start + limit, line.count)
                // Back up to the first byte of a character (continuation bytes are 10xxxxxx).
                while end < line.count, end > start, line[end] & 0xC0 == 0x80 { end -= 1 }
                if start > 0 {
                    out.append(0x0D)
                    out.append(0x0A)
                    out.append(0x20)
                }
                out.append(contentsOf: line[start..<end])
                start = end
                limit = 74
            }
        }

        static func appendDate(_ day: Day, to bytes: inout [UInt8]) {
            appendDigits(day.year, width: 4, to: &bytes)
            appendDigits(day.month, width: 2, to: &bytes)
            appendDigits(day.day, width: 2, to: &bytes)
        }

        /// `value`'s last `width` decimal digits, zero-padded.
        static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
            var rest = value
            for position in stride(from: start + width - 1, through: start, by: -1) {
                bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
    }
}
