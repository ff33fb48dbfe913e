import Testing
@testable import CopseCore

@Suite struct DayTests {
    @Test func parsesDatesAndIgnoresTimes() {
        #expect(Day(iso: "2026-11-24") == Day(year: 2026, month: 11, day: 24))
        #expect(Day(iso: "2026-11-24T18:30:00Z") == Day(year: 2026, month: 11, day: 24))
        #expect(Day(iso: "2026-11-24 18:30") == Day(year: 2026, month: 11, day: 24))
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026-1-5") == nil)
        #expect(Day(iso: "2026-11-24x") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2100-02-29") == nil)
    }

    @Test func formatsForReaders() {
        let day = Day(year: 2026, month: 11, day: 24)!
        #expect(day.long == "Tuesday 24 November 2026")
        #expect(day.iso == "2026-11-24")
        #expect(Day(year: 1970, month: 1, day: 1)!.long == "Thursday 1 January 1970")
    }

    /// The dates are written from their digits; they read as the plain spelling below does, for
    /// days from before year 0 to past year 9999.
    @Test func everyDayIsWrittenAsThePlainSpellingWritesIt() {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        let offsets = Array(stride(from: -800_000, through: 3_000_000, by: 331)) + Array(19_000...21_000)
        for offset in offsets {
            let day = Day(daysSinceEpoch: offset)
            #expect(day.iso == "\(pad(day.year, 4))-\(pad(day.month, 2))-\(pad(day.day, 2))", "\(offset)")
            #expect(day.long == "\(weekdays[day.weekday]) \(day.day) \(months[day.month - 1]) \(day.year)", "\(offset)")
        }
        #expect(Day(year: 7, month: 3, day: 9)?.iso == "0007-03-09")
        #expect(Day(year: 12345, month: 12, day: 31)?.iso == "12345-12-31")
        #expect(Day(year: 7, month: 3, day: 9)?.long == "Friday 9 March 7")
        #expect(Day(year: 987, month: 10, day: 30)?.long == "Tuesday 30 October 987")
    }

    @Test func epochDaysRoundTrip() {
        for offset in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(Day(daysSinceEpoch: offset).daysSinceEpoch == offset)
        }
        #expect(Day(year: 2027, month: 3, day: 13)!.adding(days: 1) == Day(year: 2027, month: 3, day: 14))
        #expect(Day(year: 2026, month: 12, day: 31)!.adding(days: 1) == Day(year: 2027, month: 1, day: 1))
    }
}
