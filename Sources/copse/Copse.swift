import ArgumentParser
import CopseBuild
import CopseCore
import Foundation

@main
struct Copse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copse",
        abstract: "Build the website of a community hub from Markdown.",
        discussion: "copse \(CopseVersion.current). 'copse' alone builds the hub in this folder, as 'copse build' does.",
        version: "copse \(CopseVersion.current)",
        subcommands: [Build.self, Check.self, Serve.self, EvidenceCommand.self, Init.self, New.self, ThemeCommand.self],
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

    @Option(name: .long, help: ArgumentHelp("How to print problems: text (for people), json (one object per line, for editors and scripts) or github (GitHub Actions annotations).", valueName: "format"))
    var format: DiagnosticFormat = .text

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

    @Flag(name: .long, help: "Replace an output folder that is not empty and was not written by copse. Never allowed for the hub, content/, themes/ or a folder holding them.")
    var force = false

    @Flag(name: .customLong("no-cache"), help: "Build everything, without reading or writing the cache in <root>/.copse-cache/build that lets a build skip what did not change.")
    var noCache = false

    func run() throws {
        var options = try site.buildOptions()
        options.endsProcess = true
        options.force = force
        if !noCache { options.cache = BuildOptions.cacheFolder(root: options.root) }
        let started = Date()
        let report = Pipeline.run(options, write: true)
        let reporter = Reporter(site: site)
        reporter.print(report)
        guard report.succeeded else { throw ExitCode.failure }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let reused = report.upToDate ? " (nothing changed)" : report.reusedFiles > 0 ? " (\(report.reusedFiles) files unchanged)" : ""
        reporter.say("Built \(report.pageCount) pages (\(report.fileCount) files) into \(Reporter.shown(options.output)) in \(seconds) s\(reused)")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the whole build without writing anything and report every problem."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        var options = try site.buildOptions()
        options.endsProcess = true
        let report = Pipeline.run(options, write: false)
        let reporter = Reporter(site: site)
        reporter.print(report)
        guard report.succeeded else { throw ExitCode.failure }
        reporter.say("No problems found in \(report.pageCount) pages")
        let pages = report.auditedPages ?? 0, passages = report.auditedPassages ?? 0
        if pages + passages > 0 {
            let what = [pages > 0 ? "the \(Reporter.count(pages, "private or draft page"))" : nil,
                        passages > 0 ? "the \(Reporter.count(passages, "private passage"))" : nil]
            reporter.say("Leak audit: no text of \(what.compactMap { $0 }.joined(separator: " or ")) is in the site")
        }
    }
}

// Public, not package: it satisfies a requirement of a protocol outside the package, for a type outside it.
extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) { write(Data(string.utf8)) }
}
