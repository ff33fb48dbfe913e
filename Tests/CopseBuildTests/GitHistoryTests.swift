@testable import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// The git history of a hub: read with real git from throwaway repositories whose every commit
/// has a fixed author and date, so the expected dates are exact.
@Suite(.enabled(if: GitRepository.available, "git is not installed"))
struct GitHistoryTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// A hub in `hub/` of a repository: five commits by four people, a rename, a merge, a
    /// `.mailmap`, then an untracked file, a staged file and an uncommitted edit.
    static func repository() throws -> GitRepository {
        let repository = try GitRepository.create()
        try repository.write("hub/copse.yml", "title: Test hub\nrepository: https://github.com/example/hub-repo.git\nbranch: live\n")
        try repository.write(".mailmap", "Bob Baker <bob@example.org>\n")
        for (path, title) in [("index.md", "Home"), ("about.md", "About"), ("communities/leeds/community.md", "Leeds"),
                              ("resources/old-name.md", "Pair guide")] {
            try repository.write("hub/content/" + path, "# \(title)\n\nText.\n")
        }
        try repository.write("hub/content/communities/leeds/charter.md", "---\nupdated: 2026-02-01\n---\n# Charter\n")
        try repository.commit("Start", author: "Ann Archer", date: "2026-01-05T10:00:00+0000")
        try repository.write("hub/content/about.md", "# About\n\nMore text.\n")
        try repository.commit("About", author: "bob", date: "2026-02-10T09:00:00+0000")
        try repository.git("mv", "hub/content/resources/old-name.md", "hub/content/resources/pair-guide.md")
        // Half past eleven at night in New York is already the next day in UTC: the author's day counts.
        try repository.commit("Rename", author: "Chloé Dubois", date: "2026-03-01T23:30:00-0500")
        try repository.git("checkout", "--quiet", "-b", "side")
        try repository.write("hub/content/communities/leeds/community.md", "# Leeds\n\nWe meet monthly.\n")
        try repository.commit("Leeds", author: "Sid Singh", date: "2026-03-10T12:00:00+0000")
        try repository.git("checkout", "--quiet", "main")
        try repository.write("hub/content/index.md", "# Home\n\nWelcome.\n")
        try repository.commit("Welcome", author: "Ann Archer", date: "2026-03-12T12:00:00+0000")
        try repository.git("-c", "user.name=Mo Merger", "-c", "user.email=mo@example.org", "merge", "--quiet", "--no-ff",
                           "--no-gpg-sign", "-m", "Merge side", "side",
                           environment: ["GIT_AUTHOR_DATE": "2026-03-15T12:00:00+0000", "GIT_COMMITTER_DATE": "2026-03-15T12:00:00+0000"])
        try repository.write("hub/content/new.md", "# New\n")
        try repository.write("hub/content/staged.md", "# Staged\n")
        try repository.git("add", "hub/content/staged.md")
        try repository.write("hub/content/about.md", "# About\n\nAn edit not committed yet.\n")
        return repository
    }

    @Test func oneLogGivesEachFileItsNewestCommit() throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let history = try #require(GitHistory.read(root: repository.folder.appendingPathComponent("hub")))
        #expect(history.repositoryPath == "hub/")
        #expect(!history.isShallow)
        #expect(history.problem == nil)
        #expect(history.changes == [
            "index.md": LastChange(day: Self.day("2026-03-12"), author: "Ann Archer"),
            "about.md": LastChange(day: Self.day("2026-02-10"), author: "Bob Baker"),
            "communities/leeds/community.md": LastChange(day: Self.day("2026-03-10"), author: "Sid Singh"),
            "communities/leeds/charter.md": LastChange(day: Self.day("2026-01-05"), author: "Ann Archer"),
            "resources/pair-guide.md": LastChange(day: Self.day("2026-03-01"), author: "Chloé Dubois"),
            "resources/old-name.md": LastChange(day: Self.day("2026-03-01"), author: "Chloé Dubois"),
        ])
    }

    @Test func pagesShowTheirLastChangeAndAnEditLink() throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let hub = repository.folder.appendingPathComponent("hub"), output = repository.folder.appendingPathComponent("site")
        let report = Pipeline.run(Fixtures.options(root: hub, output: output, gitDates: true), write: true)
        #expect(report.diagnostics.map(\.description) == [])
        let tree = Fixtures.tree(output)
        func page(_ path: String) -> String { String(decoding: tree[path] ?? Data(), as: UTF8.self) }
        let edit = "https://github.com/example/hub-repo/edit/live/hub/content/"
        #expect(page("about/index.html").contains("""
        <footer class="page-history">
        <p>Last changed <time datetime="2026-02-10">Tuesday 10 February 2026</time> by Bob Baker</p>
        <p class="edit-link"><a href="\(edit)about.md">Edit this page</a></p>
        </footer>
        """))
        #expect(page("resources/pair-guide/index.html").contains(
            "<p>Last changed <time datetime=\"2026-03-01\">Sunday 1 March 2026</time> by Chloé Dubois</p>"))
        #expect(page("communities/leeds/index.html").contains(
            "<p>Last changed <time datetime=\"2026-03-10\">Tuesday 10 March 2026</time> by Sid Singh</p>"))
        // The charter's own "last revised" date wins over git's: one date per page.
        let charter = page("communities/leeds/charter/index.html")
        #expect(charter.contains("<p>Last revised <time datetime=\"2026-02-01\">Sunday 1 February 2026</time></p>"))
        #expect(!charter.contains("Last changed"))
        // Never committed: no date, but it can still be edited.
        for path in ["new/index.html", "staged/index.html"] {
            #expect(page(path).contains("""
            <footer class="page-history">
            <p class="edit-link"><a href="\(edit)\(path.dropLast(11)).md">Edit this page</a></p>
            </footer>
            """), "\(path)")
        }
    }

    @Test func noGitDatesRunsNoGitAndShowsNoDates() throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let hub = repository.folder.appendingPathComponent("hub"), output = repository.folder.appendingPathComponent("site")
        #expect(Pipeline.run(Fixtures.options(root: hub, output: output, gitDates: false), write: true).succeeded)
        let about = String(decoding: Fixtures.tree(output)["about/index.html"] ?? Data(), as: UTF8.self)
        #expect(!about.contains("Last changed"))
        // Without git, copse cannot know the hub sits in hub/: the address is from the hub's folder.
        #expect(about.contains("<a href=\"https://github.com/example/hub-repo/edit/live/content/about.md\">Edit this page</a>"))
    }

    @Test func aShallowCloneWarnsAndGivesNoDates() throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let clone = repository.folder.appendingPathComponent("clone")
        try repository.git("clone", "--quiet", "--depth", "1", "file://" + repository.folder.path, clone.path)
        let hub = clone.appendingPathComponent("hub")
        #expect(GitHistory.read(root: hub) == GitHistory(repositoryPath: "hub/", isShallow: true))
        let output = repository.folder.appendingPathComponent("site")
        let report = Pipeline.run(Fixtures.options(root: hub, output: output, gitDates: true), write: true)
        #expect(report.diagnostics.map(\.description) == ["""
        ../.git:1:1: warning: this is a shallow clone, so the git history is cut short and every page's last-changed date would be wrong; pages show no git dates
            hint: fetch the whole history with 'git fetch --unshallow' (in CI, check out with 'fetch-depth: 0'), or build with --no-git-dates
        """])
        #expect(report.succeeded)
        let about = String(decoding: Fixtures.tree(output)["about/index.html"] ?? Data(), as: UTF8.self)
        #expect(!about.contains("Last changed"))
        #expect(about.contains("edit/live/hub/content/about.md"))
    }

    @Test func aFolderOutsideGitHasNoHistoryAndNoWarning() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CEILING_DIRECTORIES"] = work.deletingLastPathComponent().path
        #expect(GitHistory.read(root: work, environment: environment) == nil)
        #expect(GitHistory.read(root: work, environment: ["PATH": "/nonexistent"]) == nil)
        let report = Pipeline.run(Fixtures.options(root: work, gitDates: true), write: false)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.succeeded)
    }

    @Test func aRepositoryWithoutCommitsHasNoDatesAndNoProblem() throws {
        let repository = try GitRepository.create()
        defer { repository.remove() }
        try repository.write("content/index.md", "# Home\n")
        #expect(GitHistory.read(root: repository.folder) == GitHistory())
    }

    /// git refuses a repository another user owns (common in CI containers): copse says so.
    @Test(.enabled(if: getuid() == 0, "only root can give a folder to another user"))
    func aRepositoryOfAnotherUserIsNamedInAWarning() throws {
        let repository = try GitRepository.create()
        defer { repository.remove() }
        let chown = Process()
        chown.executableURL = URL(fileURLWithPath: "/bin/chown")
        chown.arguments = ["-R", "65534", repository.folder.path]
        try chown.run()
        chown.waitUntilExit()
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null" // a global safe.directory would let git read it
        let history = GitHistory.read(root: repository.folder, environment: environment)
        #expect(history?.problem == "detected dubious ownership in repository at '\(repository.folder.path)'")
        #expect(history?.problemHint == "the repository belongs to another user; if you trust it, run 'git config --global --add safe.directory \(repository.folder.path)', or build with --no-git-dates")
    }
}
