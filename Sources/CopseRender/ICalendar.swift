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
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.productID, "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name)]
        for event in events { lines += Self.lines(of: event) }
        lines.append("END:VCALENDAR")
        var out = ""
        for line in lines {
            out += Self.fold(line)
            out += "\r\n"
        }
        return out
    }

    /// A TEXT value: backslash, semicolon and comma escaped, each line break written `\n`, other
    /// control characters (not allowed in TEXT) left out.
    static func escape(_ text: String) -> String {
        var out = ""
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !afterCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A content line folded so that no line is longer than 75 octets: each continuation starts
    /// with a space. A fold never falls inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
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
    static func date(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }
}

private extension ICalendar {
    static func lines(of event: Event) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + date(event.stamp) + "T000000Z"]
        if let time = event.time {
            lines.append("DTSTART:" + dateTime(event.day, time.start))
            if let end = time.end { lines.append("DTEND:" + dateTime(event.day, end)) }
        } else {
            lines.append("DTSTART;VALUE=DATE:" + date(event.day))
            lines.append("DTEND;VALUE=DATE:" + date(event.day.adding(days: 1)))
        }
        lines.append("SUMMARY:" + escape(event.summary))
        lines.append("URL:" + event.url)
        if let location = event.location { lines.append("LOCATION:" + escape(location)) }
        if let description = event.description { lines.append("DESCRIPTION:" + escape(description)) }
        lines.append("END:VEVENT")
        return lines
    }

    /// `20261124T163000`: a floating local time.
    static func dateTime(_ day: Day, _ minutes: Int) -> String {
        date(day) + "T" + MeetingTime.clock(minutes).replacingOccurrences(of: ":", with: "") + "00"
    }
}
