/// What copse says when the first argument names no command (`copse chek`): the nearest
/// command, and the list of them. The executable passes its own command names, so new commands
/// are included without changing this.
package struct CommandSuggestions: Sendable {
    /// The subcommand names, in the order `--help` lists them.
    package var commands: [String]
    /// The command that runs when none is named (`copse` alone, `copse --root x`).
    package var defaultCommand: String?

    package init(commands: [String], defaultCommand: String?) {
        self.commands = commands
        self.defaultCommand = defaultCommand
    }

    /// The error for `arguments` (without the program name), or nil when the first argument is
    /// a command, an option (left to the parser: `copse --root x` builds), or absent.
    /// `isFolder` tells whether a word names an existing folder, for a hint about `--root`.
    package func problem(in arguments: [String], isFolder: (String) -> Bool = { _ in false }) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else { return nil }
        var lines = ["error: unknown command '\(first)'." + (Suggestion.nearest(to: first, in: commands).map { " Did you mean '\($0)'?" } ?? "")]
        if isFolder(first) || first.contains("/") {
            lines.append("To build the hub in that folder: copse build --root \(first)")
        }
        let listed = commands.map { $0 == defaultCommand ? "\($0) (the default)" : $0 }
        lines.append("The commands are: \(listed.joined(separator: ", ")).")
        lines.append("See 'copse --help' for what each does, and 'copse help <command>' for its options.")
        return lines.joined(separator: "\n")
    }
}
