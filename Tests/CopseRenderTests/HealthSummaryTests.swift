import Testing
@testable import CopseRender

/// The lines above the health table count what communities have, in words that fit the count:
/// never "0 communities with no gaps".
@Suite struct HealthSummaryTests {
    func line(_ have: Int, of total: Int) -> String {
        let line = HealthLine.counting(have, of: total, has: "has a charter", have: "have a charter", none: "has a charter yet",
                                       lacks: "has no charter yet")
        return line.lead + " " + line.rest
    }

    @Test func noneOneBothAllAndSomeAreEachPhrasedForTheirCount() {
        #expect(line(0, of: 5) == "No community has a charter yet")
        #expect(line(0, of: 1) == "The one community has no charter yet")
        #expect(line(1, of: 1) == "The one community has a charter")
        #expect(line(2, of: 2) == "Both communities have a charter")
        #expect(line(5, of: 5) == "All 5 communities have a charter")
        #expect(line(1, of: 5) == "1 of 5 communities has a charter")
        #expect(line(3, of: 5) == "3 of 5 communities have a charter")
        #expect(HealthLine.counting(5, of: 5, has: "", have: "", none: "", lacks: "").all)
        #expect(!HealthLine.counting(4, of: 5, has: "", have: "", none: "", lacks: "").all)
    }
}
