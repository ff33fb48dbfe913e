import ArgumentParser
import CopseCore
import Foundation

extension Copse {
    /// Checks the command name before the parser sees it: with `build` as the default command,
    /// the parser would take `copse chek` for build's arguments and answer with build's usage.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let suggestions = CommandSuggestions(commands: configuration.subcommands.map { $0._commandName },
                                             defaultCommand: configuration.defaultSubcommand?._commandName)
        if let problem = suggestions.problem(in: arguments, isFolder: isFolder) {
            var standardError = FileHandle.standardError
            Swift.print(problem, to: &standardError)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
