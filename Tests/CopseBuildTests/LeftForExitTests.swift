@testable import CopseBuild
import CopseCore
import Foundation
import Testing

/// What a one-shot build leaves for the system to take back at exit, and what a process that
/// goes on (`copse serve`, these tests) frees as usual.
@Suite struct LeftForExitTests {
    final class Probe: @unchecked Sendable {}

    static func options(endsProcess: Bool) -> BuildOptions {
        var options = BuildOptions(root: URL(fileURLWithPath: "/nonexistent"), today: Day(year: 2026, month: 1, day: 1)!)
        options.endsProcess = endsProcess
        return options
    }

    @Test func aProcessThatGoesOnFreesWhatItsBuildMade() {
        weak var probe: Probe?
        do {
            let made = Probe()
            probe = made
            LeftForExit.keep(made, if: Self.options(endsProcess: false))
        }
        #expect(probe == nil)
    }

    @Test func aProcessThatEndsAfterItsBuildLeavesWhatItMadeForExit() {
        weak var probe: Probe?
        do {
            let made = Probe()
            probe = made
            LeftForExit.keep(made, if: Self.options(endsProcess: true))
        }
        #expect(probe != nil)
    }

    @Test func aBuildLeavesNothingForExitUnlessTold() {
        #expect(!BuildOptions(root: URL(fileURLWithPath: "/x"), today: Day(year: 2026, month: 1, day: 1)!).endsProcess)
    }
}
