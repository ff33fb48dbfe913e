import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// The evidence golden hub (`Tests/Fixtures/sites/evidence`) has evidence on a private page, a
/// private meeting and a draft, each with its own marker text.
@Suite struct EvidenceSiteTests {
    static let markers = ["PRIVATE-EVIDENCE-MARKER-a41", "PRIVATE-BODY-MARKER-a41", "PRIVATE-MEETING-MARKER-b52",
                          "PRIVATE-MEETING-BODY-b52", "DRAFT-MEETING-MARKER-c63", "DRAFT-MEETING-BODY-c63"]

    static func hub() throws -> URL {
        let work = try Fixtures.temporaryFolder()
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/evidence/input"), to: work)
        return work
    }

    @Test func privateAndDraftEvidenceAppearsNowhereInTheOutput() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output), write: true).succeeded)
        let tree = Fixtures.tree(output)
        // The exports and pages that would carry the evidence exist...
        for path in ["evidence/2027/evidence.csv", "evidence/2027/evidence.json", "evidence/2027/pack/index.html",
                     "evidence/2027/index.html", "health/index.html", "communities/leeds/index.html"] {
            #expect(tree[path] != nil, "\(path) was not written")
        }
        #expect(String(decoding: tree["evidence/2027/evidence.csv"]!, as: UTF8.self).contains("Pair programming, term one"))
        // ...and no byte of any file, nor any path, mentions the hidden pages.
        for (path, bytes) in tree {
            #expect(!path.contains("secret") && !path.contains("private") && !path.contains("draft"), "\(path)")
            for marker in Self.markers {
                #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(path) contains \(marker)")
            }
            for title in ["Secret evidence page", "Private meeting", "Draft meeting"] {
                #expect(bytes.range(of: Data(title.utf8)) == nil, "\(path) mentions '\(title)'")
            }
        }
    }

    /// A draft previewed with `--drafts` is built as a page, but its evidence stays out of every
    /// evidence page, export and community list.
    @Test func aPreviewedDraftKeepsItsEvidenceOutOfTheIndex() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("preview")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output, drafts: true), write: true).succeeded)
        let tree = Fixtures.tree(output)
        #expect(tree["communities/leeds/meetings/2026-09-02-draft/index.html"] != nil)
        for (path, bytes) in tree where path.hasPrefix("evidence/") || path.hasPrefix("health/") || path == "communities/leeds/index.html" {
            #expect(bytes.range(of: Data("DRAFT-MEETING-MARKER-c63".utf8)) == nil, "\(path)")
        }
    }

    @Test func theEvidenceCommandPrintsTheSameDataAsTheExports() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        let options = Fixtures.options(root: work, output: output)
        #expect(Pipeline.run(options, write: true).succeeded)
        for format in [EvidenceExport.Format.csv, .json] {
            let outcome = EvidenceQuery(conference: "2027", format: format).run(options)
            let file = try String(contentsOf: output.appendingPathComponent("evidence/2027/evidence.\(format.rawValue)"), encoding: .utf8)
            #expect(outcome.output == file)
            #expect(outcome.exitCode == 0)
        }
        let table = EvidenceQuery().run(options)
        #expect(table.exitCode == 0)
        #expect(table.output.hasPrefix("Spring Gathering 2027 (2027), Saturday 13 March 2027: collecting from Sunday 15 March 2026\n"))
        #expect(table.output.contains("Hull Computing: no evidence yet"))
        for marker in Self.markers { #expect(!table.output.contains(marker)) }
    }

    @Test func missingFailsWhileAnyCommunityHasNoEvidence() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let options = Fixtures.options(root: work)
        let missing = EvidenceQuery(conference: "2027", missingOnly: true).run(options)
        #expect(missing.exitCode == 1)
        #expect(missing.output == "No evidence yet for Spring Gathering 2027 (2027): 2 of 3 communities\n  hull  Hull Computing\n  york  York Secondary\n")
        // Once Hull and York bring something, the same check passes.
        for (community, date) in [("hull", "2026-06-02"), ("york", "2026-06-03")] {
            let file = work.appendingPathComponent("content/communities/\(community)/meetings/\(date)-share.md")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "---\nevidence:\n  summary: Shared a lesson.\n---\n".write(to: file, atomically: true, encoding: .utf8)
        }
        let complete = EvidenceQuery(missingOnly: true).run(options)
        #expect(complete.exitCode == 0)
        #expect(complete.output == "Every community has evidence for Spring Gathering 2027 (2027).\n")
    }

    @Test func anUnknownConferenceOrABrokenHubFails() throws {
        let work = try Self.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let options = Fixtures.options(root: work)
        let unknown = EvidenceQuery(conference: "2028").run(options)
        #expect(unknown.exitCode == 1)
        #expect(unknown.diagnostics.map(\.description) == ["copse.yml:1:1: error: there is no conference '2028' in copse.yml\n"
            + "    hint: did you mean '2026'? the conferences are: 2026, 2027"])
        let page = work.appendingPathComponent("content/communities/hull/meetings/2026-06-02-typo.md")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "---\nevidence:\n  summary: Typo.\n  value: great\n---\n".write(to: page, atomically: true, encoding: .utf8)
        let broken = EvidenceQuery().run(options)
        #expect(broken.exitCode == 1)
        #expect(broken.output == "")
        #expect(broken.diagnostics.map(\.description).first?.hasPrefix("content/communities/hull/meetings/2026-06-02-typo.md:4:1: error: 'great' is not a stage of value") == true)
    }
}
