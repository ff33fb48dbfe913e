import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// Private stays private in every mode: canaries planted in a private page (title, text, tags,
/// evidence, an image only it shows), in a private passage and an HTML comment of a public page,
/// and in drafts, reach no byte and no path of the site; a `--drafts` preview builds each draft
/// as its own page and lists it nowhere else.
@Suite struct PrivacySiteTests {
    /// Every canary of the private page, the private passage and the comment ends in this.
    static let privateCanary = "canaryqx"
    /// Every canary of the drafts ends in this.
    static let draftCanary = "canarydz"

    static func hub() throws -> URL {
        let work = try EvidenceSiteTests.hub()
        let content = work.appendingPathComponent("content")
        func write(_ path: String, _ text: String) throws {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let config = work.appendingPathComponent("copse.yml")
        try Data((try String(contentsOf: config, encoding: .utf8) + "markdown:\n  unsafe_html: true\n").utf8).write(to: config)
        try write("communities/leeds/plans.md", """
            ---
            title: Titlecanaryqx plans
            private: true
            tags: [tagcanaryqx]
            evidence:
              summary: Evidencecanaryqx from a private page.
              principles: [inclusive]
            ---

            Bodycanaryqx of the plans. ![](imagecanaryqx.png) ![](shared.png)
            <img src="rawimagecanaryqx.png" alt="">
            """)
        try write("communities/leeds/imagecanaryqx.png", "Imagebytescanaryqx")
        try write("communities/leeds/rawimagecanaryqx.png", "Rawimagebytes")
        try write("communities/leeds/shared.png", "shared image bytes")
        try write("communities/leeds/norms.md", """
            ---
            title: Norms
            ---

            We listen. ![A shared picture](shared.png) <!-- Commentcanaryqx inline -->

            ```private
            Passagecanaryqx: the caretaker's phone number.
            ```

            <!--
            Blockcommentcanaryqx
            -->

            We decide together.
            """)
        try write("communities/drafty/community.md", """
            ---
            title: Communitycanarydz
            draft: true
            purpose: Purposecanarydz
            ---

            A community still being set up.
            """)
        try write("communities/drafty/meetings/2026-10-05-first.md", """
            ---
            title: Meetingcanarydz
            tags: [meetingtagcanarydz]
            evidence:
              summary: Evidencecanarydz from a draft community.
              principles: [inclusive]
            ---

            We met. See the [guide](../../../resources/guide.md).
            """)
        try write("communities/drafty/resources/kit.md", """
            ---
            title: Kitcanarydz
            kind: kitkindcanarydz
            ---

            A kit.
            """)
        try write("resources/sketch.md", """
            ---
            title: Resourcecanarydz
            draft: true
            kind: resourcekindcanarydz
            tags: [resourcetagcanarydz]
            ---

            Half written. It links to the [guide](guide.md).
            """)
        return work
    }

    /// Output files that hold `canary`, or whose path names it, ignoring case.
    static func holding(_ canary: String, in tree: [String: Data]) -> [String] {
        tree.compactMap { path, bytes in
            path.lowercased().contains(canary) || String(decoding: bytes, as: UTF8.self).lowercased().contains(canary) ? path : nil
        }.sorted()
    }

    @Test func noCanaryOfAPrivatePagePassageCommentOrDraftReachesTheSite() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        let report = Pipeline.run(Fixtures.options(root: work, output: output), write: true)
        #expect(report.succeeded, "\(report.diagnostics)")
        let tree = Fixtures.tree(output)
        for path in LeakAuditTests.everyKindOfFile { #expect(tree[path] != nil, "\(path) was not written") }
        #expect(Self.holding(Self.privateCanary, in: tree) == [])
        #expect(Self.holding(Self.draftCanary, in: tree) == [])
        // What the public page says, and the image a public page shows too, are published.
        let norms = String(decoding: try #require(tree["communities/leeds/norms/index.html"]), as: UTF8.self)
        #expect(norms.contains("We listen.") && norms.contains("We decide together."))
        #expect(tree["communities/leeds/shared.png"] != nil)
        #expect(report.auditedPassages == 1)
    }

    @Test func aDraftsPreviewBuildsEachDraftAsItsOwnPageAndListsItNowhereElse() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        let report = Pipeline.run(Fixtures.options(root: work, output: output, drafts: true), write: true)
        #expect(report.succeeded, "\(report.diagnostics)")
        let tree = Fixtures.tree(output)
        let ownPages = ["communities/drafty/index.html", "communities/drafty/meetings/2026-10-05-first/index.html",
                        "communities/drafty/resources/kit/index.html", "resources/sketch/index.html",
                        "communities/leeds/meetings/2026-09-02-draft/index.html"]
        for path in ownPages {
            let page = String(decoding: try #require(tree[path], "\(path) was not built"), as: UTF8.self)
            #expect(page.contains("class=\"draft"), "\(path) has no draft banner")
        }
        // The draft community's home lists its own meeting and resource: it is previewed whole.
        let draftHome = String(decoding: tree["communities/drafty/index.html"]!, as: UTF8.self)
        #expect(draftHome.contains("Meetingcanarydz") && draftHome.contains("Kitcanarydz"))
        // No other file names a draft, its address or anything only a draft has.
        let others = tree.filter { !ownPages.contains($0.key) }
        #expect(Self.holding(Self.draftCanary, in: others) == [])
        for address in ["communities/drafty", "resources/sketch", "2026-09-02-draft", "Draft meeting", "DRAFT-MEETING-MARKER-c63"] {
            #expect(Self.holding(address.lowercased(), in: others) == [], "\(address)")
        }
        #expect(Self.holding(Self.privateCanary, in: tree) == [])
    }

    @Test func buildFailsAndWritesNothingWhenACopiedFileHoldsAPrivatePassage() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output), write: true).succeeded)
        let before = Fixtures.tree(output)
        let copied = work.appendingPathComponent("content/communities/leeds/phone.txt")
        try Data("From the norms:\nPassagecanaryqx: the caretaker's phone number.\n".utf8).write(to: copied)
        let report = Pipeline.run(Fixtures.options(root: work, output: output), write: true)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.description) == ["""
            content/communities/leeds/phone.txt:2:1: error: this file is published, but it contains a private passage of content/communities/leeds/norms.md: "Passagecanaryqx: the caretaker's phone"
                hint: remove the passage from this file, or move the file out of content/
            """])
        #expect(Fixtures.tree(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("staging") }
        #expect(leftovers == [])
    }
}
