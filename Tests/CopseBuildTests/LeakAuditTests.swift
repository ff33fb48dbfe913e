import CopseBuild
import CopseCore
import CopseRender
import CopseTestSupport
import CopseMarkdown
import Foundation
import Testing

/// The leak audit: planted markers never reach any output file, and `copse check` finds the text
/// of an unpublished page wherever it would be published.
@Suite struct LeakAuditTests {
    /// Every kind of file the evidence hub publishes, so that the marker search below covers them.
    static let everyKindOfFile = ["index.html", "search/index.js", "search/index-1.js", "evidence/2027/evidence.csv", "evidence/2027/evidence.json",
                                  "evidence/2027/pack/index.html", "communities/leeds/meetings/2026-05-06-pairs/index.html",
                                  "feed.xml", "communities/leeds/feed.xml", "meetings.ics", "communities/leeds/meetings.ics",
                                  "sitemap.xml", "robots.txt"]

    @Test func markersInAPrivatePageADraftAndPrivateEvidenceAppearInNoByteOfTheSite() throws {
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output), write: true).succeeded)
        let tree = Fixtures.tree(output)
        for path in Self.everyKindOfFile { #expect(tree[path] != nil, "\(path) was not written") }
        let indexText = try SearchSiteTests.Index(tree).allText
        #expect(indexText.contains("kitchen timer worked best"), "the index was read back")
        for marker in EvidenceSiteTests.markers {
            #expect(!indexText.contains(marker), "the search index holds \(marker)")
            for (path, bytes) in tree {
                #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(path) contains \(marker)")
            }
        }
    }

    @Test func checkPassesAndCountsTheUnpublishedPagesItAudited() throws {
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let report = Pipeline.run(Fixtures.options(root: work), write: false)
        #expect(report.succeeded)
        #expect(report.auditedPages == 3)
    }

    @Test func checkFindsPrivateTextInAFileCopiedFromContent() throws {
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let notes = "Minutes\n\nCopied: private-meeting-MARKER-b52\nfrom a private meeting.\n"
        try Data(notes.utf8).write(to: work.appendingPathComponent("content/communities/leeds/notes.txt"))
        let report = Pipeline.run(Fixtures.options(root: work), write: false)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.description) == ["""
            content/communities/leeds/notes.txt:3:9: error: this file is published, but it contains text of content/communities/leeds/meetings/2026-09-01-private.md, which is not: "PRIVATE-MEETING-MARKER-b52 from"
                hint: remove the passage from this file, or move the file out of content/
            """])
    }

    @Test func textThatPublishedPagesAlsoHaveIsNotALeak() throws {
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        // The private meeting quotes a sentence that a published page has too.
        let meeting = work.appendingPathComponent("content/communities/leeds/meetings/2026-09-01-private.md")
        let quoted = "Pupils swapped roles every ten minutes."
        try Data((String(decoding: try Data(contentsOf: meeting), as: UTF8.self) + "\n" + quoted + "\n").utf8).write(to: meeting)
        let report = Pipeline.run(Fixtures.options(root: work), write: false)
        #expect(report.succeeded, "\(report.diagnostics)")
    }

    /// Words a site shows anyway are no leak, even when a private page has them in a row: a
    /// breadcrumb then a page title (two blocks of one page), the end of one list item and the
    /// start of the next (the search index joins them), a page's own address (the exports list it).
    @Test func wordsTheSiteShowsAnywayAreNotALeakHoweverTheyAreCut() throws {
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let content = work.appendingPathComponent("content")
        try Data("---\ntitle: Our tidy-up plan for the autumn term\n---\n\n- Bring the laptops early.\n- Charge every tablet overnight.\n"
            .utf8).write(to: content.appendingPathComponent("resources/tidy-up-plan.md"))
        let meeting = content.appendingPathComponent("communities/leeds/meetings/2026-09-01-private.md")
        let notes = "\n## Resources\n\nOur tidy-up plan for the autumn term was agreed.\n\n"
            + "We said: bring the laptops early, charge every tablet overnight.\n\n"
            + "See content/resources/tidy-up-plan.md and resources/tidy-up-plan/index.html.\n"
        try Data((String(decoding: try Data(contentsOf: meeting), as: UTF8.self) + notes).utf8).write(to: meeting)
        let report = Pipeline.run(Fixtures.options(root: work, output: work.appendingPathComponent("output")), write: true)
        #expect(report.succeeded, "\(report.diagnostics)")
    }

    /// A page copse made that held private text (a theme or copse bug) is reported at the
    /// private page, in a page, a calendar (folded lines) and the search index alike.
    @Test func privateTextInAFileCopseMadeIsReportedAtThePrivatePage() throws {
        let hidden = ParsedPage(source: "content/secret.md", contentPath: "secret.md",
                                markdown: MarkdownRenderer.render("The inspection went badly for the science team."))
        let audit = LeakAudit(hidden: [hidden], published: [])
        #expect(!audit.isEmpty)
        let page = OutputFile(path: "index.html", contents: .text("<p>Note: the <em>inspection</em> went badly for the science team.</p>"))
        #expect(audit.finding(in: page, isStatic: false)?.description == """
            content/secret.md:1:1: error: text of this unpublished page would appear in index.html: "The inspection went badly for"
                hint: copse or the theme is leaking it; nothing was written. Please report this as a bug
            """)
        let calendar = OutputFile(path: "meetings.ics", contents: .text("SUMMARY:The inspection went badly f\r\n or the science team\r\n"))
        #expect(audit.finding(in: calendar, isStatic: false) != nil)
        let clean = OutputFile(path: "index.html", contents: .text("<p>The inspection went well.</p>"))
        #expect(audit.finding(in: clean, isStatic: false) == nil)
    }

    /// The audit reads each part of the search index back whole: titles, words, tags and evidence
    /// summaries.
    @Test func theSearchIndexIsReadBackWithItsTagsAndEvidence() throws {
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let guide = work.appendingPathComponent("content/resources/guide.md")
        let text = String(decoding: try Data(contentsOf: guide), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "date: 2026-04-01", with: "date: 2026-04-01\ntags: [tagonlyhere]").utf8).write(to: guide)
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output), write: true).succeeded)
        #expect(SearchIndexText.isPart("search/index-1.js") && SearchIndexText.isPart("search/index-12.js"))
        #expect(!SearchIndexText.isPart("search/index.js") && !SearchIndexText.isPart("search/index-.js")
                && !SearchIndexText.isPart("search/index-1x.js") && !SearchIndexText.isPart("other/index-1.js"))
        let part = String(decoding: try Data(contentsOf: output.appendingPathComponent("search/index-1.js")), as: UTF8.self)
        let readBack = try #require(SearchIndexText.text(ofPart: part))
        #expect(readBack.contains("tagonlyhere"))
        #expect(readBack.contains("changed how communities describe success"))
    }
}
