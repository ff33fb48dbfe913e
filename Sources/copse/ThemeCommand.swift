import ArgumentParser
import CopseScaffold

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the theme built into copse.",
        subcommands: [Eject.self]
    )

    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in default theme to themes/NAME (default: themes/default) for editing.",
            discussion: "Writes nothing when any of its files exists already, unless --force."
        )

        @Argument(help: ArgumentHelp("The theme folder to write under themes/.", valueName: "name"))
        var name: String = "default"

        @Flag(name: .long, help: "Overwrite files that exist already.")
        var force = false

        @OptionGroup var hub: HubRoot

        func run() throws {
            try ScaffoldOutput.finish(ScaffoldOutput.scaffold(root: hub.root).ejectTheme(as: name, force: force))
        }
    }
}
