import CopseCore
import Foundation
import Testing
@testable import CopseScaffold

@Suite struct CommunityTests {
    @Test func newCommunityWritesItsDocumentsAndSaysWhatToDoNext() throws {
        let (root, scaffold) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try scaffold.newCommunity("leeds-primary", title: "Leeds Primary Computing", region: "Leeds").get()
        let folder = "content/communities/leeds-primary/"
        #expect(report.written == ["community.md", "charter.md", "purpose.md", "membership.md", "leadership.md", "norms.md",
                                   "plan.md", "results.md", "practice.md", "meetings/_template.md"].map { folder + $0 })
        #expect(report.next == "fill in the blanks of content/communities/leeds-primary/community.md, then answer the questions in the charter, "
                + "the norms and the planning parts; each is a draft (not published) until you delete its 'draft: true' line. "
                + "After a meeting, run 'copse new meeting leeds-primary'.")
        let profile = try #require(Hubs.read(root, folder + "community.md"))
        #expect(profile.hasPrefix("---\ntitle: \"Leeds Primary Computing\"\n# Fill in the blanks below (after the colon); a blank one is simply not shown.\nregion: \"Leeds\"\n"))
        for part in ["charter", "purpose", "membership", "leadership", "norms", "plan", "results", "practice"] {
            let text = try #require(Hubs.read(root, folder + part + ".md"))
            #expect(text.contains("\ndraft: true # delete this line once the page is written"), "\(part).md is not a draft")
            #expect(text.contains("\n## "), "\(part).md has no prompts")
        }
        #expect(Hubs.read(root, folder + "purpose.md")?.contains("## Evidence we will collect\n") == true)
    }

    @Test func theNewCommunityBuildsWithItsUnwrittenPartsUnpublished() throws {
        let (root, scaffold) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try scaffold.newCommunity("york").get()
        let (report, files) = Hubs.build(root)
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(files.contains("communities/york/index.html"))
        #expect(files.filter { $0.hasPrefix("communities/york/") }.sorted() == ["communities/york/index.html"])
        let home = try #require(Hubs.read(root, "output/communities/york/index.html"))
        #expect(home.contains("<h1") && home.contains(">York<"))
        #expect(home.components(separatedBy: "not written yet").count - 1 == 8)
        let health = try #require(Hubs.read(root, "output/health/index.html"))
        #expect(health.components(separatedBy: ": missing</span>").count - 1 == 8)
        #expect(health.contains("<td class=\"no\">0 of 7</td>"))
    }

    @Test func aBadSlugIsAnErrorThatSuggestsAGoodOne() throws {
        let (root, scaffold) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Hubs.error(scaffold.newCommunity("Leeds Primary")) == """
            error: 'Leeds Primary' cannot name a community: use only lower-case letters, digits and single hyphens
                hint: for example 'leeds-primary'
            """)
        #expect(Hubs.error(scaffold.newCommunity("-")) == """
            error: '-' cannot name a community: use only lower-case letters, digits and single hyphens
                hint: for example 'leeds-primary'
            """)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/communities").path))
    }

    @Test func anExistingCommunityIsNeverOverwritten() throws {
        let (root, scaffold) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        try Hubs.write(root, "content/communities/york/charter.md", "# Our charter\n")
        #expect(Hubs.error(scaffold.newCommunity("york")) == """
            error: the community 'york' exists already:
              content/communities/york/
                hint: choose another name, or add to its files in that folder
            """)
        #expect(Hubs.read(root, "content/communities/york/charter.md") == "# Our charter\n")
        #expect(Hubs.read(root, "content/communities/york/community.md") == nil)
    }

    @Test func outsideAHubNewIsAnError() throws {
        let root = try Hubs.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Hubs.error(Scaffold(root: root, shownRoot: "elsewhere", today: Hubs.today).newCommunity("york")) == """
            error: there is no copse.yml in elsewhere/
                hint: run copse in the hub's folder or pass --root DIR; to start a new hub, run 'copse init DIR --title "Your hub"'
            """)
    }
}
