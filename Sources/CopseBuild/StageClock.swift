import Foundation

/// Prints how long each stage took to standard error when `COPSE_TIMINGS` is set.
struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["COPSE_TIMINGS"] != nil
    private var last = DispatchTime.now()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data("copse: \(stage) \(String(format: "%.0f", milliseconds)) ms\n".utf8))
        last = now
    }

    /// Prints a figure measured elsewhere (work spread over threads), without starting a lap.
    func note(_ what: String, milliseconds: Double) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("copse: \(what) \(String(format: "%.0f", milliseconds)) ms\n".utf8))
    }
}
