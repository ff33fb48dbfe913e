import CopseCore
import CopseMarkdown

/// The front matter and the Markdown document of a ``PageCoding`` entry, field by field in
/// declaration order.
extension ByteWriter {
    mutating func frontMatter(_ front: FrontMatter) {
        optional(front.title) { $0.string($1) }
        optional(front.summary) { $0.string($1) }
        optional(front.date) { $0.day($1) }
        optional(front.updated) { $0.day($1) }
        optional(front.tags) { $0.strings($1) }
        optional(front.kind) { $0.string($1) }
        optional(front.draft) { $0.bool($1) }
        optional(front.private) { $0.bool($1) }
        optional(front.region) { $0.string($1) }
        optional(front.leaders) { $0.strings($1) }
        optional(front.meets) { $0.string($1) }
        optional(front.purpose) { $0.string($1) }
        optional(front.attendees) { writer, attendance in
            switch attendance {
            case .count(let count): writer.byte(0); writer.int(count)
            case .names(let names): writer.byte(1); writer.strings(names)
            }
        }
        optional(front.location) { $0.string($1) }
        optional(front.time) { writer, time in
            writer.int(time.start)
            writer.optional(time.end) { $0.int($1) }
        }
        optional(front.evidence) { writer, evidence in
            writer.optional(evidence.summary) { $0.string($1) }
            writer.optional(evidence.principles) { $0.strings($1) }
            writer.optional(evidence.conference) { $0.string($1) }
            writer.optional(evidence.purpose) { $0.string($1) }
            writer.optional(evidence.value) { $0.string($1) }
            writer.optional(evidence.kind) { $0.string($1) }
        }
    }

    mutating func day(_ day: Day) {
        int(day.year)
        int(day.month)
        int(day.day)
    }

    mutating func markdown(_ document: MarkdownDocument, html: String) {
        string(html)
        optional(document.title) { $0.string($1) }
        list(document.headings) { writer, heading in
            writer.int(heading.level)
            writer.string(heading.text)
            writer.string(heading.id)
        }
        list(document.links) { writer, link in
            writer.string(link.destination)
            writer.int(link.line)
            writer.int(link.column)
            writer.byte((link.isImage ? 1 : 0) | (link.isWiki ? 2 : 0) | (link.hasLabel ? 4 : 0))
        }
        strings(document.otherAnchors)
        string(document.placeholderTag)
        strings(document.privatePassages)
        list(document.imagesWithoutDescription) { writer, position in
            writer.int(position.line)
            writer.int(position.column)
        }
    }
}

extension ByteReader {
    mutating func frontMatter() throws(Damaged) -> FrontMatter {
        var front = FrontMatter()
        front.title = try optional { reader throws(Damaged) in try reader.string() }
        front.summary = try optional { reader throws(Damaged) in try reader.string() }
        front.date = try optional { reader throws(Damaged) in try reader.day() }
        front.updated = try optional { reader throws(Damaged) in try reader.day() }
        front.tags = try optional { reader throws(Damaged) in try reader.strings() }
        front.kind = try optional { reader throws(Damaged) in try reader.string() }
        front.draft = try optional { reader throws(Damaged) in try reader.bool() }
        front.private = try optional { reader throws(Damaged) in try reader.bool() }
        front.region = try optional { reader throws(Damaged) in try reader.string() }
        front.leaders = try optional { reader throws(Damaged) in try reader.strings() }
        front.meets = try optional { reader throws(Damaged) in try reader.string() }
        front.purpose = try optional { reader throws(Damaged) in try reader.string() }
        front.attendees = try optional { reader throws(Damaged) in try reader.attendance() }
        front.location = try optional { reader throws(Damaged) in try reader.string() }
        front.time = try optional { reader throws(Damaged) in try reader.meetingTime() }
        front.evidence = try optional { reader throws(Damaged) in try reader.evidence() }
        return front
    }

    mutating func day() throws(Damaged) -> Day {
        guard let day = Day(year: try int(), month: try int(), day: try int()) else { throw Damaged() }
        return day
    }

    mutating func attendance() throws(Damaged) -> Attendance {
        switch try byte() {
        case 0: return .count(try int())
        case 1: return .names(try strings())
        default: throw Damaged()
        }
    }

    mutating func meetingTime() throws(Damaged) -> MeetingTime {
        let start = try int()
        guard let time = MeetingTime(start: start, end: try optional { reader throws(Damaged) in try reader.int() }) else { throw Damaged() }
        return time
    }

    mutating func evidence() throws(Damaged) -> Evidence {
        let summary = try optional { reader throws(Damaged) in try reader.string() }
        let principles = try optional { reader throws(Damaged) in try reader.strings() }
        let conference = try optional { reader throws(Damaged) in try reader.string() }
        let purpose = try optional { reader throws(Damaged) in try reader.string() }
        let value = try optional { reader throws(Damaged) in try reader.string() }
        let kind = try optional { reader throws(Damaged) in try reader.string() }
        return Evidence(summary: summary, principles: principles, conference: conference, purpose: purpose, value: value, kind: kind)
    }

    /// A document whose HTML `html` reads (in memory by default; see ``PageCoding/decode(_:html:)``).
    mutating func markdown(html readHTML: HTMLReading) throws(Damaged) -> MarkdownDocument {
        let html = try readHTML(&self)
        let title = try optional { reader throws(Damaged) in try reader.string() }
        let headings = try list { reader throws(Damaged) in
            try MarkdownHeading(level: reader.int(), text: reader.string(), id: reader.string())
        }
        let links = try list { reader throws(Damaged) in try reader.link() }
        let otherAnchors = try strings()
        let placeholderTag = try string()
        let privatePassages = try strings()
        let images = try list { reader throws(Damaged) in try MarkdownPosition(line: reader.int(), column: reader.int()) }
        let document = MarkdownDocument(html: "", title: title, headings: headings, links: links, otherAnchors: otherAnchors,
                                        placeholderTag: placeholderTag, privatePassages: privatePassages, imagesWithoutDescription: images)
        return MarkdownDocument(document, body: html)
    }

    mutating func link() throws(Damaged) -> MarkdownLink {
        let destination = try string()
        let line = try int(), column = try int()
        let flags = try byte()
        guard flags < 8 else { throw Damaged() }
        return MarkdownLink(destination: destination, line: line, column: column,
                            isImage: flags & 1 != 0, isWiki: flags & 2 != 0, hasLabel: flags & 4 != 0)
    }
}
