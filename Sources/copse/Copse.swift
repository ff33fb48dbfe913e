import ArgumentParser
import CopseBuild
import CopseCore
import Foundation

@main
struct Copse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copse",
        abstract: "Build the website of a community hub from Markdown.",
        subcommands: [Build.self, Check.self, EvidenceCommand.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The hub folder, holding copse.yml and content/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/output).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Also build pages marked 'draft: true', for local preview. Private pages are never built.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Build as if today were this date (YYYY-MM-DD); decides which meetings are upcoming. Default: today, or SOURCE_DATE_EPOCH when set.", valueName: "date"))
    var today: String?

    @Flag(name: .customLong("no-git-dates"), help: "Do not run git: pages show their 'updated:' date, if any, instead of when and by whom they were last changed.")
    var noGitDates = false

    func buildOptions() throws -> BuildOptions {
        let root = URL(fileURLWithPath: root).standardizedFileURL
        var day = Day.today()
        if let today {
            guard let parsed = Day(iso: today) else { throw ValidationError("--today must be a date like 2026-11-24") }
            day = parsed
        }
        return BuildOptions(root: root, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
                            includeDrafts: drafts, strict: strict, today: day, gitDates: !noGitDates)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder. A failed build leaves the previous output untouched."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        let options = try site.buildOptions()
        let started = Date()
        let report = Pipeline.run(options, write: true)
        Reporter.print(report)
        guard report.succeeded else { throw ExitCode.failure }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        Swift.print("Built \(report.pageCount) pages (\(report.fileCount) files) into \(Reporter.shown(options.output)) in \(seconds) s")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the whole build without writing anything and report every problem."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        let report = Pipeline.run(try site.buildOptions(), write: false)
        Reporter.print(report)
        guard report.succeeded else { throw ExitCode.failure }
        Swift.print("No problems found in \(report.pageCount) pages")
        let pages = report.auditedPages ?? 0, passages = report.auditedPassages ?? 0
        if pages + passages > 0 {
            let what = [pages > 0 ? "the \(Reporter.count(pages, "private or draft page"))" : nil,
                        passages > 0 ? "the \(Reporter.count(passages, "private passage"))" : nil]
            Swift.print("Leak audit: no text of \(what.compactMap { $0 }.joined(separator: " or ")) is in the site")
        }
    }
}

enum Reporter {
    static func print(_ report: BuildReport) {
        var standardError = FileHandle.standardError
        for diagnostic in report.diagnostics { Swift.print(diagnostic, to: &standardError) }
        let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
        if errors + warnings > 0 {
            Swift.print("\(count(errors, "error")), \(count(warnings, "warning"))", to: &standardError)
        }
        if !report.succeeded {
            Swift.print("Nothing was written; the previous output is unchanged.", to: &standardError)
        }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static func shown(_ url: URL) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(here) ? String(url.path.dropFirst(here.count)) + "/" : url.path
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) { write(Data(string.utf8)) }
}
