import CopseCore
import Foundation

public struct BuildOptions: Sendable {
    /// The hub: holds `copse.yml`, `content/` and `themes/`.
    public var root: URL
    public var output: URL
    public var includeDrafts: Bool
    /// Warnings fail the build too.
    public var strict: Bool
    /// The build's "today", for upcoming meetings. Injected so that output is reproducible.
    public var today: Day
    /// Where themes are looked up; by default `<root>/themes`.
    public var themesDirectory: URL?

    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, strict: Bool = false,
                today: Day, themesDirectory: URL? = nil) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("output")
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.today = today
        self.themesDirectory = themesDirectory
    }
}

public extension Day {
    /// Today in the local time zone, or the day of `SOURCE_DATE_EPOCH` when it is set
    /// (the reproducible-builds convention).
    static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            return Day(daysSinceEpoch: Int((Double(epoch) / 86_400).rounded(.down)))
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
