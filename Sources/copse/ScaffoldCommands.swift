import ArgumentParser
import CopseBuild
import CopseCore
import CopseScaffold
import Foundation

/// Runs a scaffolding step and prints what it wrote and what to do next, or the error.
enum ScaffoldOutput {
    static func finish(_ result: Result<ScaffoldReport, ScaffoldError>) throws {
        switch result {
        case .success(let report):
            print(report)
        case .failure(let error):
            var standardError = FileHandle.standardError
            print(error, to: &standardError)
            throw ExitCode.failure
        }
    }

    /// The scaffold for the hub in `root` (as typed), printing paths from the current folder.
    static func scaffold(root: String) -> Scaffold {
        let url = URL(fileURLWithPath: root).standardizedFileURL
        let trimmed = root == "." || root == "./" ? "" : root
        return Scaffold(root: url, shownRoot: trimmed, today: Day.today())
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new hub: copse.yml, a home page, a README for its leaders and CI that publishes it.",
        discussion: "Writes nothing when any of its files exists already, unless --force."
    )

    @Argument(help: ArgumentHelp("The folder of the new hub (created if missing).", valueName: "dir"))
    var directory: String = "."

    @Option(name: .long, help: "The hub's name, shown on every page.")
    var title: String

    @Flag(name: .long, help: "Overwrite files that exist already.")
    var force = false

    func run() throws {
        try ScaffoldOutput.finish(ScaffoldOutput.scaffold(root: directory).initHub(title: title, force: force))
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a community, a meeting note or a resource from the planning template.",
        discussion: "Prints the files it wrote and what to do next; never overwrites a file.",
        subcommands: [NewCommunity.self, NewMeeting.self, NewResource.self]
    )
}

/// `--root`, as for build and check.
struct HubRoot: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The hub folder, holding copse.yml and content/.", valueName: "dir"))
    var root: String = "."
}

struct NewCommunity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "community",
        abstract: "Start a community: its profile, charter, norms, the planning-template parts (as drafts) and a meeting-note template."
    )

    @Argument(help: ArgumentHelp("The community's folder name: lower-case letters, digits and hyphens (leeds-primary).", valueName: "slug"))
    var slug: String

    @Option(name: .long, help: "The community's name (default: made from the slug).")
    var title: String?

    @Option(name: .long, help: "Where the community's members are.")
    var region: String?

    @OptionGroup var hub: HubRoot

    func run() throws {
        try ScaffoldOutput.finish(ScaffoldOutput.scaffold(root: hub.root).newCommunity(slug, title: title, region: region))
    }
}

struct NewMeeting: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Add a meeting note, meetings/YYYY-MM-DD-<title>.md, from the community's meetings/_template.md."
    )

    @Argument(help: ArgumentHelp("The community's folder name.", valueName: "community"))
    var community: String

    @Option(name: .long, help: ArgumentHelp("The day of the meeting, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: "The meeting's title (default: Meeting).")
    var title: String?

    @OptionGroup var hub: HubRoot

    func run() throws {
        try ScaffoldOutput.finish(ScaffoldOutput.scaffold(root: hub.root).newMeeting(community: community, date: date, title: title))
    }
}

struct NewResource: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resource",
        abstract: "Add a resource: hub-wide (content/resources/), or of one community when COMMUNITY is given."
    )

    @Argument(help: ArgumentHelp("[COMMUNITY] TITLE: the community's folder name (optional) and the resource's title.", valueName: "community-and-title"))
    var words: [String]

    @OptionGroup var hub: HubRoot

    func validate() throws {
        guard (1...2).contains(words.count) else {
            throw ValidationError("give the resource's title, and before it, for a community's own resource, the community: copse new resource [COMMUNITY] \"TITLE\"")
        }
    }

    func run() throws {
        let community = words.count == 2 ? words[0] : nil
        try ScaffoldOutput.finish(ScaffoldOutput.scaffold(root: hub.root).newResource(community: community, title: words[words.count - 1]))
    }
}
