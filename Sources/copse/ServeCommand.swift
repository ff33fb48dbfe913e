import ArgumentParser
import CopseBuild
import CopseCore
import CopseServe
import Foundation

/// `copse serve`: the preview with live reload. Everything but the arguments lives in CopseServe.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into a preview folder, serve it on this machine, and rebuild and reload the browser on every change.",
        discussion: """
        Watches copse.yml, content/ and themes/. Builds into <root>/.copse-cache/serve/site, never into output/, \
        and adds a reload script (and, after a failed build, the problems) only to the pages it sends.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The hub folder, holding copse.yml and content/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("The address to listen on: 127.0.0.1 (only this machine), or 0.0.0.0 to preview from a phone on the same network.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "n"))
    var port: Int = Int(ServeOptions.defaultPort)

    @Flag(name: .long, help: "Also build pages marked 'draft: true'. Private pages are never built.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("Build as if today were this date (YYYY-MM-DD). Default: today, or SOURCE_DATE_EPOCH when set.", valueName: "date"))
    var today: String?

    @Flag(name: .customLong("no-git-dates"), help: "Do not run git: pages show their 'updated:' date, if any.")
    var noGitDates = false

    @Flag(name: .long, help: "Look for changes every half second instead of asking the system (for network or shared folders).")
    var poll = false

    @Flag(name: .customLong("no-cache"), help: "Build everything on every change, without reading or writing the cache in <root>/.copse-cache/serve/build.")
    var noCache = false

    func run() throws {
        guard let port = UInt16(exactly: port) else { throw ValidationError("--port must be between 0 and 65535") }
        var day = Day.today()
        if let today {
            guard let parsed = Day(iso: today) else { throw ValidationError("--today must be a date like 2026-11-24") }
            day = parsed
        }
        let hub = URL(fileURLWithPath: root).standardizedFileURL
        var build = BuildOptions(root: hub, includeDrafts: drafts, today: day, gitDates: !noGitDates,
                                 cache: noCache ? nil : BuildOptions.cacheFolder(root: hub, "serve/build"))
        // A page whose file did not change since the last rebuild is not parsed again, and an edit
        // to pages' text only makes just the files that show it.
        build.keepBuildsInMemory()
        let options = ServeOptions(build: build, host: host, port: port, watch: poll ? .polling : .automatic)
        do {
            try PreviewSession.runBlocking(options, log: { line in
                var standardOutput = FileHandle.standardOutput  // unbuffered: each line shows at once, in a pipe too
                Swift.print(line, to: &standardOutput)
            })
        } catch {
            var standardError = FileHandle.standardError
            Swift.print("error: \(error)", to: &standardError)
            throw ExitCode.failure
        }
    }
}
