import ArgumentParser
import CopseCore
import Foundation

extension Copse {
    /// Checks the command name before the parser sees it: with `build` as the default command,
    /// the parser would take `copse chek` for build's arguments and answer with build's usage.
    static func main() {
        releaseLargeBlocks()
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

    /// Blocks of 128 KiB and more (the search index, a feed, a page list) come from their own
    /// mappings and go back to the system when freed. glibc otherwise raises this bound after the
    /// first such block is freed and serves the next ones from the heap, where the holes they
    /// leave stay part of the process (about 14 MiB of the peak at 10,000 pages). `mallopt` is
    /// not in the Glibc module (it is in malloc.h), so it is looked up by name.
    private static func releaseLargeBlocks() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024)
        }
        #endif
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
