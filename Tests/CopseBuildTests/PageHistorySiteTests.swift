@testable import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// The git log reader on its own, and what pages show for a history given in the build options
/// (no git needed).
@Suite struct PageHistorySiteTests {
    @Test func theLogIsReadNewestFirstAndOnlyUnderContent() {
        let log = "\u{1}Mo Merger\0" + "2026-03-15\0" // a merge: no paths
            + "\u{1}Ann\0" + "2026-03-12\0" + "\nhub/content/index.md\0" + "hub/README.md\0"
            + "\u{1}Bad Date\0" + "yesterday\0" + "\nhub/content/lost.md\0"
            + "\u{1}Zoë\0" + "2026-01-05\0" + "\nhub/content/index.md\0" + "hub/content/a b/ü.md\0" + "hub/content\0"
        let changes = GitHistory.changes(fromLog: Array(log.utf8), contentPrefix: "hub/content/")
        #expect(changes == [
            "index.md": LastChange(day: Day(year: 2026, month: 3, day: 12)!, author: "Ann"),
            "a b/ü.md": LastChange(day: Day(year: 2026, month: 1, day: 5)!, author: "Zoë"),
        ])
        #expect(GitHistory.changes(fromLog: [], contentPrefix: "content/") == [:])
    }

    static func hub(config: String) throws -> URL {
        let work = try Fixtures.temporaryFolder()
        for (path, text) in [("copse.yml", config), ("content/index.md", "# Home\n"),
                             ("content/notes.md", "---\nupdated: 2026-04-01\n---\n# Notes\n"),
                             ("content/communities/leeds/community.md", "# Leeds\n")] {
            let url = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return work
    }

    static let history = GitHistory(repositoryPath: "sites/north/", changes: [
        "index.md": LastChange(day: Day(year: 2026, month: 5, day: 4)!, author: "Ann <Archer> & co"),
        "notes.md": LastChange(day: Day(year: 2026, month: 6, day: 1)!, author: "Bob"),
    ])

    static func build(_ config: String, gitDates: Bool = true) throws -> [String: String] {
        let work = try hub(config: config)
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        let report = Pipeline.run(Fixtures.options(root: work, output: output, gitDates: gitDates, gitHistory: history), write: true)
        #expect(report.diagnostics.map(\.description) == [])
        return Fixtures.tree(output).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aGivenHistoryIsShownWithEscapedNamesAndAPatternEditLink() throws {
        let site = try Self.build("title: Hub\nrepository: https://forge.example.org/north/{path}?ref={branch}\n")
        #expect(site["index.html"]?.contains("""
        <footer class="page-history">
        <p>Last changed <time datetime="2026-05-04">Monday 4 May 2026</time> by Ann &lt;Archer&gt; &amp; co</p>
        <p class="edit-link"><a href="https://forge.example.org/north/sites/north/content/index.md?ref=main">Edit this page</a></p>
        </footer>
        """) == true)
        // No commit for the community page: only the edit link.
        #expect(site["communities/leeds/index.html"]?.contains("""
        <footer class="page-history">
        <p class="edit-link"><a href="https://forge.example.org/north/sites/north/content/communities/leeds/community.md?ref=main">Edit this page</a></p>
        </footer>
        """) == true)
        // Pages copse makes itself have no history.
        #expect(site["resources/index.html"]?.contains("page-history") == false)
    }

    @Test func namesCanBeHiddenAndUpdatedWins() throws {
        let site = try Self.build("title: Hub\nhistory:\n  authors: false\n")
        #expect(site["index.html"]?.contains("""
        <footer class="page-history">
        <p>Last changed <time datetime="2026-05-04">Monday 4 May 2026</time></p>
        </footer>
        """) == true)
        #expect(site["notes/index.html"]?.contains("""
        <footer class="page-history">
        <p>Last revised <time datetime="2026-04-01">Wednesday 1 April 2026</time></p>
        </footer>
        """) == true)
        #expect(site["communities/leeds/index.html"]?.contains("page-history") == false)
    }

    @Test func withoutGitDatesOnlyUpdatedIsShown() throws {
        let site = try Self.build("title: Hub\n", gitDates: false)
        #expect(site["index.html"]?.contains("page-history") == false)
        #expect(site["notes/index.html"]?.contains("<p>Last revised <time datetime=\"2026-04-01\">") == true)
    }
}
