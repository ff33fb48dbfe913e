import CopseCore
import Testing
@testable import CopseRender

@Suite struct ICalendarTests {
    @Test func textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
        #expect(ICalendar.escape("a\\b;c,d\ne\r\nf\rg\u{7}h\ti") == "a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti")
        #expect(ICalendar.escape("Room 6: St Oswin's") == "Room 6: St Oswin's")
    }

    @Test func longLinesAreFoldedAt75Octets() {
        let line = "DESCRIPTION:" + String(repeating: "x", count: 140)
        #expect(ICalendar.fold(line) == "DESCRIPTION:" + String(repeating: "x", count: 63) + "\r\n "
            + String(repeating: "x", count: 74) + "\r\n " + String(repeating: "x", count: 3))
        #expect(ICalendar.fold(String(repeating: "y", count: 75)) == String(repeating: "y", count: 75))
    }

    /// "é" is two octets and "€" three: a fold that would fall inside one moves before it.
    @Test func aFoldNeverSplitsACharacter() {
        let twoByte = String(repeating: "a", count: 74) + "é" + "b"
        #expect(ICalendar.fold(twoByte) == String(repeating: "a", count: 74) + "\r\n éb")
        let threeByte = String(repeating: "a", count: 73) + "€" + String(repeating: "c", count: 73)
        #expect(ICalendar.fold(threeByte) == String(repeating: "a", count: 73) + "\r\n €" + String(repeating: "c", count: 71)
            + "\r\n cc")
        for line in ICalendar.fold(threeByte).split(separator: "\r\n") {
            #expect(line.utf8.count <= 75)
        }
    }

    @Test func writesACalendarWithAnAllDayAndATimedEvent() throws {
        let day = try #require(Day(iso: "2026-12-31"))
        let calendar = ICalendar(name: "Leeds, Primary: meetings", events: [
            .init(uid: "leeds/2026-12-31-last@hub.example.org", stamp: day, day: day, time: nil,
                  summary: "Last meeting; of the year", url: "https://hub.example.org/communities/leeds/meetings/2026-12-31-last/",
                  location: "Room 6, Beeston", description: "Plans\nand cake"),
            .init(uid: "leeds/2027-01-05-start@hub.example.org", stamp: day, day: day.adding(days: 5), time: MeetingTime("16:30-18:00"),
                  summary: "Start", url: "https://hub.example.org/s/", location: nil, description: nil),
        ])
        #expect(calendar.text == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//copse//Community hub meetings//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:Leeds\\, Primary: meetings",
            "BEGIN:VEVENT", "UID:leeds/2026-12-31-last@hub.example.org", "DTSTAMP:20261231T000000Z",
            "DTSTART;VALUE=DATE:20261231", "DTEND;VALUE=DATE:20270101", "SUMMARY:Last meeting\\; of the year",
            "URL:https://hub.example.org/communities/leeds/meetings/2026-12-31-last/",
            "LOCATION:Room 6\\, Beeston", "DESCRIPTION:Plans\\nand cake", "END:VEVENT",
            "BEGIN:VEVENT", "UID:leeds/2027-01-05-start@hub.example.org", "DTSTAMP:20261231T000000Z",
            "DTSTART:20270105T163000", "DTEND:20270105T180000", "SUMMARY:Start", "URL:https://hub.example.org/s/", "END:VEVENT",
            "END:VCALENDAR", "",
        ].joined(separator: "\r\n"))
    }

    @Test func aMeetingUIDComesFromItsCommunityAndFileNameOnly() {
        #expect(ViewModel.calendarUID(community: "leeds", contentPath: "communities/leeds/meetings/2026-10-01-first.md",
                                      host: "hub.example.org") == "leeds/2026-10-01-first@hub.example.org")
    }
}
