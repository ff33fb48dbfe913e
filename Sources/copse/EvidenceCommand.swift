import ArgumentParser
import CopseBuild
import CopseCore
import Foundation

extension EvidenceExport.Format: ExpressibleByArgument {}

struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "List, export and check the evidence collected for a conference.",
        discussion: """
        Prints the evidence of the conference being collected for now (the next one on or after \
        today), or of --conference. --missing lists the communities with no evidence yet and exits \
        with status 1 when there are any, so it can run in CI before the deadline.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The hub folder, holding copse.yml and content/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("A conference id from copse.yml (default: the one being collected for now).", valueName: "id"))
    var conference: String?

    @Option(name: .long, help: "table (for reading), csv (RFC 4180) or json (the documented schema).")
    var format: EvidenceExport.Format = .table

    @Flag(name: .long, help: "List only the communities with no evidence; exit 1 when there are any.")
    var missing = false

    @Option(name: .long, help: ArgumentHelp("Run as if today were this date (YYYY-MM-DD); decides the current conference.", valueName: "date"))
    var today: String?

    func run() throws {
        var day = Day.today()
        if let today {
            guard let parsed = Day(iso: today) else { throw ValidationError("--today must be a date like 2026-11-24") }
            day = parsed
        }
        let options = BuildOptions(root: URL(fileURLWithPath: root).standardizedFileURL, today: day)
        let outcome = EvidenceQuery(conference: conference, format: format, missingOnly: missing).run(options)
        var standardError = FileHandle.standardError
        for diagnostic in outcome.diagnostics { Swift.print(diagnostic, to: &standardError) }
        FileHandle.standardOutput.write(outcome.output)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
