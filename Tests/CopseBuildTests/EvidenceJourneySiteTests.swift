import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// What issue 14's readers missed, on the evidence golden hub (a base_url, three communities, a
/// private and a draft meeting, conferences on 14 March 2026 and 13 March 2027): each meeting's
/// own calendar file, the past tense for a conference already held, the key to the value stages,
/// the note on a page that carries evidence, and the pack's summary table.
@Suite struct EvidenceJourneySiteTests {
    static let york = "communities/york/meetings/2026-06-01-summer/"

    func build(today: Day = Fixtures.today, drafts: Bool = false, edit: ((URL) throws -> Void)? = nil) throws -> [String: String] {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/evidence/input"), to: work)
        try edit?(work)
        let output = work.appendingPathComponent("output")
        var options = Fixtures.options(root: work, output: output, drafts: drafts)
        options.today = today
        let report = Pipeline.run(options, write: true)
        #expect(report.succeeded, "\(report.diagnostics)")
        return Fixtures.tree(output).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The lines of one VEVENT block (BEGIN to END) whose UID is `uid`, folded as written.
    static func event(_ uid: String, in calendar: String) -> String? {
        calendar.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst()
            .map { "BEGIN:VEVENT\r\n" + $0.components(separatedBy: "END:VEVENT\r\n")[0] + "END:VEVENT\r\n" }
            .first { $0.replacingOccurrences(of: "\r\n ", with: "").contains("UID:\(uid)\r\n") }
    }

    // MARK: Calendars

    @Test func everyPublishedMeetingHasItsOwnCalendarFileWithTheFeedsEvent() throws {
        let tree = try build()
        let files = tree.keys.filter { $0.hasSuffix(".ics") && !$0.hasSuffix("meetings.ics") }.sorted()
        #expect(files == ["communities/leeds/meetings/2026-01-10-start/2026-01-10-start.ics",
                          "communities/leeds/meetings/2026-05-06-pairs/2026-05-06-pairs.ics",
                          "communities/york/meetings/2025-11-01-old/2025-11-01-old.ics",
                          "communities/york/meetings/2026-06-01-summer/2026-06-01-summer.ics",
                          "communities/york/meetings/2027-01-15-winter/2027-01-15-winter.ics"])
        let hub = try #require(tree["meetings.ics"])
        for path in files {
            let text = try #require(tree[path])
            let stem = String(path.split(separator: "/").last!.dropLast(4))
            let community = String(path.split(separator: "/")[1])
            let uid = "\(community)/\(stem)@evidence.example.org"
            // The same event, byte for byte, as in the hub's calendar: one UID, so subscribing
            // later updates the event instead of adding a second.
            let single = try #require(Self.event(uid, in: text), "\(path) has no event \(uid)")
            #expect(single == Self.event(uid, in: hub), "\(path) differs from its event in meetings.ics")
            #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 2, "\(path) holds one event")
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//copse//Community hub meetings//EN\r\n"))
            #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
            for line in text.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 75 && !line.contains("\n"), "\(path): \(line)")
            }
            // The meeting's page links to it, with a download name.
            let page = try #require(tree[path.replacingOccurrences(of: "\(stem).ics", with: "index.html")])
            #expect(page.contains("<a href=\"../../../../\(path)\" download=\"\(stem).ics\" type=\"text/calendar\">Add this meeting to my calendar</a>"))
        }
    }

    @Test func aMeetingCalendarEscapesAndFoldsItsText() throws {
        let tree = try build { root in
            let file = root.appendingPathComponent("content/communities/york/meetings/2026-06-01-summer.md")
            try "---\ntitle: Summer; marking, moderation and a very long title that must be folded over two lines\n"
                .appending("location: Room 6, Block B\nsummary: \"Back\\\\slash\"\n---\n\nNotes.\n")
                .write(to: file, atomically: true, encoding: .utf8)
        }
        let text = try #require(tree[Self.york + "2026-06-01-summer.ics"])
        #expect(text.contains("SUMMARY:York Secondary: Summer\\; marking\\, moderation and a very long title\r\n  that must be folded over two lines\r\n"))
        #expect(text.contains("X-WR-CALNAME:York Secondary: Summer\\; marking\\, moderation and a very long \r\n title that must be folded over two lines\r\n"))
        #expect(text.contains("LOCATION:Room 6\\, Block B\r\n"))
        #expect(text.contains("DESCRIPTION:Back\\\\slash\r\n"))
        #expect(text.contains("UID:york/2026-06-01-summer@evidence.example.org\r\n"))
    }

    @Test func privateAndDraftMeetingsGetNoCalendarFileNorLink() throws {
        for drafts in [false, true] {
            let tree = try build(drafts: drafts)
            #expect(!tree.keys.contains { $0.contains("2026-09-01-private") })
            #expect(!tree.keys.contains { $0.hasSuffix("2026-09-02-draft.ics") }, "drafts: \(drafts)")
            if drafts {
                let page = try #require(tree["communities/leeds/meetings/2026-09-02-draft/index.html"])
                #expect(!page.contains("Add this meeting to my calendar"))
            }
        }
    }

    @Test func withoutABaseURLNoCalendarIsWrittenNorLinked() throws {
        let tree = try build { root in
            let config = root.appendingPathComponent("copse.yml")
            let text = try String(contentsOf: config, encoding: .utf8)
            try text.replacingOccurrences(of: "base_url: https://evidence.example.org/hub/\n", with: "")
                .write(to: config, atomically: true, encoding: .utf8)
        }
        #expect(!tree.keys.contains { $0.hasSuffix(".ics") })
        #expect(tree[Self.york + "index.html"]?.contains("Add this meeting to my calendar") == false)
    }

    @Test func aFileOfTheHubWhereAMeetingsCalendarGoesIsAnError() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/evidence/input"), to: work)
        let folder = work.appendingPathComponent("content/communities/york/meetings/2026-06-01-summer")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "BEGIN:VCALENDAR\r\n".write(to: folder.appendingPathComponent("2026-06-01-summer.ics"), atomically: true, encoding: .utf8)
        let report = Pipeline.run(Fixtures.options(root: work, output: work.appendingPathComponent("output")), write: true)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.description).contains {
            $0.contains("content/communities/york/meetings/2026-06-01-summer/2026-06-01-summer.ics")
                && $0.contains("the calendar file of the meeting 'Summer meeting'")
        }, "\(report.diagnostics)")
    }

    // MARK: Evidence for readers

    @Test func aConferenceAlreadyHeldIsDescribedInThePastTense() throws {
        let tree = try build()
        let held = try #require(tree["evidence/2026/index.html"])
        #expect(held.contains("Held on <time datetime=\"2026-03-14\">Saturday 14 March 2026</time>."))
        #expect(held.contains("These communities brought nothing to Spring Gathering 2026:"))
        #expect(!held.contains("so far") && !held.contains("Still collecting") && !held.contains("No evidence yet"))
        let current = try #require(tree["evidence/2027/index.html"])
        #expect(current.contains("Still collecting."))
        #expect(current.contains("These communities have brought nothing for Spring Gathering 2027 so far:"))
        let index = try #require(tree["evidence/index.html"])
        #expect(index.contains("Held <time datetime=\"2026-03-14\">Saturday 14 March 2026</time> · collected"))
        #expect(index.contains("<span class=\"badge\">Collecting now</span>"))
        // Once every conference is past, none is "collecting now", though the latest stays current.
        let later = try build(today: Day(year: 2027, month: 4, day: 1)!)
        #expect(later["evidence/index.html"]?.contains("Collecting now") == false)
        #expect(later["evidence/2027/index.html"]?.contains("These communities brought nothing to Spring Gathering 2027:") == true)
        #expect(later["evidence/2027/pack/index.html"]?.contains("Communities that brought no evidence") == true)
        #expect(later["health/index.html"]?.contains("brought evidence to Spring Gathering 2027") == true)
    }

    @Test func theValueStagesAreExplainedWhereEveryLabelLinks() throws {
        let tree = try build()
        let index = try #require(tree["evidence/index.html"])
        for stage in ValueStage.allCases {
            #expect(index.contains("<div id=\"value-\(stage.rawValue)\"><dt><span class=\"value-stage value-\(stage.rawValue)\">"
                                   + "\(stage.label) value</span></dt><dd>\(stage.definition.htmlEscaped)</dd></div>"), "\(stage)")
        }
        let conference = try #require(tree["evidence/2027/index.html"])
        #expect(conference.contains("<a class=\"value-stage value-applied\" href=\"../../evidence/index.html#value-applied\""))
        let pack = try #require(tree["evidence/2027/pack/index.html"])
        #expect(pack.contains("<dt>Reframing value</dt><dd>\(ValueStage.reframing.definition.htmlEscaped)</dd>"))
    }

    @Test func eachItemIsListedInFullOnceOnTheConferencePage() throws {
        let page = try #require(try build()["evidence/2027/index.html"])
        // The pairs meeting shows two principles: one full entry, and a link under each principle.
        let summary = "Four classes tried pairs, and pupils said &quot;it felt fairer&quot;; the quieter ones spoke more."
        #expect(page.components(separatedBy: summary).count == 2, "the summary is printed once")
        #expect(page.contains("<li class=\"evidence-item\" id=\"item-2\">"))
        let link = "<a href=\"../../evidence/2027/index.html#item-2\">Pair programming, term one</a> <span class=\"item-meta\">Leeds Primary</span>"
        #expect(page.components(separatedBy: link).count == 3, "one line under each of its two principles")
    }

    @Test func aPageThatCarriesEvidenceSaysSo() throws {
        let tree = try build()
        let meeting = try #require(tree["communities/leeds/meetings/2026-05-06-pairs/index.html"])
        #expect(meeting.contains("<h2 id=\"evidence-note-heading\">Evidence for Spring Gathering 2027</h2>"))
        #expect(meeting.contains("Leeds Primary counts this page as evidence for the conference:"))
        #expect(meeting.contains("<li class=\"pill\">inclusive</li><li class=\"pill\">collaborative</li>"))
        #expect(meeting.contains("<a href=\"../../../../evidence/2027/index.html\">Spring Gathering 2027</a>"))
        #expect(meeting.contains("<a href=\"../../../../evidence/2027/index.html#item-2\">See it with the rest of the evidence"))
        let old = try #require(tree["communities/leeds/meetings/2026-01-10-start/index.html"])
        #expect(old.contains("Leeds Primary brought this page to the conference as evidence:"))
        let guide = try #require(tree["resources/guide/index.html"])
        #expect(guide.contains("The hub counts this page as evidence for the conference:"))
        #expect(tree[Self.york + "index.html"]?.contains("evidence-note") == false)
    }

    // MARK: Health

    @Test func theHealthSummaryCountsWhatCommunitiesHaveInPlainWords() throws {
        let health = try #require(try build()["health/index.html"])
        #expect(!health.contains("<strong>0"))
        #expect(health.contains("<li><strong>No community</strong> has everything in place yet</li>"))
        #expect(health.contains("<li><strong>1 of 3 communities</strong> has brought evidence for Spring Gathering 2027</li>"))
        #expect(health.contains("<strong>2 of 3 communities</strong> have a charter</li>"))
    }

    // MARK: The printed pack

    @Test func thePackSummarisesCommunitiesByPrinciple() throws {
        let pack = try #require(try build()["evidence/2027/pack/index.html"])
        let table = try #require(pack.components(separatedBy: "<table class=\"matrix pack-matrix\">").dropFirst().first?
            .components(separatedBy: "</table>").first)
        #expect(table.contains("<tr><th scope=\"col\">Community</th><th scope=\"col\">inclusive</th><th scope=\"col\">collaborative</th>"
                               + "<th scope=\"col\">independent</th><th scope=\"col\">responsible</th><th scope=\"col\">All items</th>"
                               + "<th scope=\"col\">Section</th></tr>"))
        #expect(table.contains("<th scope=\"row\">Hub-wide</th>\n<td>0</td><td>0</td><td>0</td><td>1</td>\n<td class=\"total\">1</td>\n"
                               + "<td><a href=\"#community-hub\">1</a></td>"))
        #expect(table.contains("<th scope=\"row\">Leeds Primary</th>\n<td>1</td><td>1</td><td>0</td><td>0</td>\n<td class=\"total\">2</td>\n"
                               + "<td><a href=\"#community-leeds\">2</a></td>"))
        #expect(table.contains("<tr class=\"gap\">\n<th scope=\"row\">Hull Computing <span class=\"gap-note\">No evidence yet</span></th>\n"
                               + "<td>0</td><td>0</td><td>0</td><td>0</td>\n<td class=\"total\">0</td>"))
        #expect(table.contains("<th scope=\"row\">All communities</th><td>1</td><td>1</td><td>0</td><td>1</td><td class=\"total\">3</td>"))
        // The contents list every item under its numbered section.
        #expect(pack.contains("<li><a href=\"#item-2-1\"><span class=\"pack-number\">2.1</span> Pair programming, term one</a></li>"))
    }
}

private extension String {
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
