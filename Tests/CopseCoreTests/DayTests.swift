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

    @Test func epochDaysRoundTrip() {
        for offset in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(Day(daysSinceEpoch: offset).daysSinceEpoch == offset)
        }
        #expect(Day(year: 2027, month: 3, day: 13)!.adding(days: 1) == Day(year: 2027, month: 3, day: 14))
        #expect(Day(year: 2026, month: 12, day: 31)!.adding(days: 1) == Day(year: 2027, month: 1, day: 1))
    }
}
