import ArgumentParser
import CopseBuild
import CopseCore
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints a build's diagnostics in the chosen `--format`, and the other messages where they
/// belong: in `json`, standard output holds the diagnostics and nothing else.
struct Reporter {
    var format: DiagnosticFormat
    /// Put before each diagnostic's path in `json` and `github`: the `--root` folder as given.
    var pathPrefix: String

    init(site: SiteOptions) {
        format = site.format
        pathPrefix = Self.prefix(forRoot: site.root)
    }

    func print(_ report: BuildReport) {
        var standardError = FileHandle.standardError
        for warning in report.cacheWarnings { Swift.print("copse: note: \(warning)", to: &standardError) }
        for diagnostic in report.diagnostics {
            let line = format.line(for: diagnostic, pathPrefix: pathPrefix)
            if format.isForPrograms { Swift.print(line) } else { Swift.print(line, to: &standardError) }
        }
        let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
        if errors + warnings > 0 {
            Swift.print("\(Self.count(errors, "error")), \(Self.count(warnings, "warning"))", to: &standardError)
        }
        if !report.succeeded {
            Swift.print("Nothing was written; the previous output is unchanged.", to: &standardError)
        }
    }

    /// A message for people: standard output, except in `json`, where it goes to standard error.
    func say(_ message: String) {
        guard format == .json else { return Swift.print(message) }
        var standardError = FileHandle.standardError
        Swift.print(message, to: &standardError)
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static func shown(_ url: URL) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(here) ? String(url.path.dropFirst(here.count)) + "/" : url.path
    }

    /// `hub/` for `--root hub` (or `hub/`), empty for the current folder.
    static func prefix(forRoot root: String) -> String {
        var trimmed = root
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        while trimmed.hasSuffix("/") && trimmed.count > 1 { trimmed.removeLast() }
        return trimmed.isEmpty || trimmed == "." ? "" : trimmed + "/"
    }
}
