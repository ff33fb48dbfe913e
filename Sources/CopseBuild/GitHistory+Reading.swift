import CopseCore
import Foundation

extension GitHistory {
    /// Reads the history of `<root>/content` with the `git` found on `PATH`: one `git rev-parse`
    /// (is this a work tree, where is the hub in it, is it shallow) and one `git log` for every
    /// file. Nil when there is no git, or the hub is not inside a git work tree.
    static func read(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> GitHistory? {
        guard let git = git(root: root, environment: environment),
              let info = git.run(["rev-parse", "--is-inside-work-tree", "--show-prefix", "--is-shallow-repository"]) else {
            return nil
        }
        guard info.status == 0 else {
            // A repository git will not read because someone else owns it (common in containers)
            // deserves a word; any other failure means the hub is not in a repository.
            guard info.firstErrorLine.contains("dubious ownership") else { return nil }
            let command = info.errorLines.first { $0.hasPrefix("git config") && $0.contains("safe.directory") }
                ?? "git config --global --add safe.directory <the repository's folder>"
            return GitHistory(problem: info.firstErrorLine,
                              problemHint: "the repository belongs to another user; if you trust it, run '\(command)', or build with --no-git-dates")
        }
        let lines = String(decoding: info.standardOutput, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == "true" else { return nil }
        let prefix = String(lines[1])
        guard lines[2] != "true" else { return GitHistory(repositoryPath: prefix, isShallow: true) }
        // --no-renames: a renamed file is listed under its new path in the commit that moved it
        // (as an added file), which is all we need, and git skips the costly rename detection.
        // Merges list no files, so each change is credited to the commit that made it.
        let arguments = ["-c", "log.showSignature=false", "-c", "diff.relative=false", "log", logFormat,
                         "--date=short", "--encoding=UTF-8", "--name-only", "-z", "--no-renames", "--no-color", "--", "content/"]
        guard let log = git.run(arguments) else { return GitHistory(repositoryPath: prefix, problem: "git log could not be started") }
        guard log.status == 0 else {
            // A repository without a commit yet has no history, and nothing is wrong.
            let head = git.run(["rev-parse", "--quiet", "--verify", "HEAD"])
            let problem = head?.status == 0 ? log.firstErrorLine : nil
            return GitHistory(repositoryPath: prefix, problem: problem)
        }
        return GitHistory(repositoryPath: prefix, changes: changes(fromLog: log.standardOutput, contentPrefix: prefix + "content/"))
    }

    /// The commit checked out in the repository holding `root`; nil without git, a repository
    /// or a commit.
    static func head(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let result = git(root: root, environment: environment)?.run(["rev-parse", "--quiet", "--verify", "HEAD"]),
              result.status == 0 else { return nil }
        return String(decoding: result.standardOutput, as: UTF8.self)
    }

    /// git, run in `root` so that it finds the hub's repository, and speaking plainly.
    static func git(root: URL, environment: [String: String]) -> Subprocess? {
        guard let executable = Subprocess.find("git", path: environment["PATH"]) else { return nil }
        var childEnvironment = environment
        // git finds the repository from the hub's folder, even when copse runs in a git hook
        // (which sets GIT_DIR, perhaps relative to another folder).
        for variable in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX"] { childEnvironment[variable] = nil }
        // English messages (they may be shown in a warning), and no pager or prompt.
        childEnvironment["LC_ALL"] = "C"
        childEnvironment["GIT_PAGER"] = "cat"
        childEnvironment["GIT_TERMINAL_PROMPT"] = "0"
        return Subprocess(executable: executable, directory: root, environment: childEnvironment)
    }
}
