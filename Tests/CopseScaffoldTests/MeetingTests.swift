import CopseCore
import Foundation
import Testing
@testable import CopseScaffold

@Suite struct MeetingTests {
    static func hubWithCommunity() throws -> (URL, Scaffold) {
        let (root, scaffold) = try Hubs.initialised()
        _ = try scaffold.newCommunity("leeds-primary").get()
        return (root, scaffold)
    }

    @Test func aMeetingIsDatedTodayByDefault() throws {
        let (root, scaffold) = try Self.hubWithCommunity()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try scaffold.newMeeting(community: "leeds-primary").get()
        #expect(report.description == """
            Wrote 1 file:
              content/communities/leeds-primary/meetings/2026-12-01-meeting.md

            Next: write the notes in content/communities/leeds-primary/meetings/2026-12-01-meeting.md, \
            then run 'copse build' to see them on the community's page.
            """)
        let note = try #require(Hubs.read(root, "content/communities/leeds-primary/meetings/2026-12-01-meeting.md"))
        #expect(note.hasPrefix("---\ntitle: \"Meeting\"\ndate: 2026-12-01\ntime: "))
        for key in ["\nlocation:", "\nattendees:", "\n## Agenda\n", "\n## Actions\n"] {
            #expect(note.contains(key), "the note has no \(key)")
        }
    }

    @Test func aMeetingComesFromTheCommunitysTemplateAndIsPublished() throws {
        let (root, scaffold) = try Self.hubWithCommunity()
        defer { try? FileManager.default.removeItem(at: root) }
        try Hubs.write(root, "content/communities/leeds-primary/meetings/_template.md",
                       "---\ntitle: {{title}}\ndate: {{date}}\nlocation: Park School\n---\n\n## Our agenda\n")
        _ = try scaffold.newMeeting(community: "leeds-primary", date: "2027-01-14", title: "Spring: planning").get()
        #expect(Hubs.read(root, "content/communities/leeds-primary/meetings/2027-01-14-spring-planning.md")
                == "---\ntitle: \"Spring: planning\"\ndate: 2027-01-14\nlocation: Park School\n---\n\n## Our agenda\n")
        let (report, files) = Hubs.build(root)
        #expect(report.succeeded)
        #expect(files.contains("communities/leeds-primary/meetings/2027-01-14-spring-planning/index.html"))
        #expect(!files.contains { $0.contains("_template") })
    }

    @Test func withoutATemplateTheBuiltInOneIsUsed() throws {
        let (root, scaffold) = try Self.hubWithCommunity()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/communities/leeds-primary/meetings/_template.md"))
        _ = try scaffold.newMeeting(community: "leeds-primary", date: "2027-01-14").get()
        #expect(Hubs.read(root, "content/communities/leeds-primary/meetings/2027-01-14-meeting.md")
                == CommunityFiles.meetingTemplate.replacingOccurrences(of: "{{title}}", with: "\"Meeting\"")
                    .replacingOccurrences(of: "{{date}}", with: "2027-01-14"))
        let (report, files) = Hubs.build(root)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(files.contains("communities/leeds-primary/meetings/2027-01-14-meeting/index.html"))
    }

    @Test func anUnknownCommunitySuggestsTheNearest() throws {
        let (root, scaffold) = try Self.hubWithCommunity()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try scaffold.newCommunity("york").get()
        #expect(Hubs.error(scaffold.newMeeting(community: "leeds-primry")) == """
            error: there is no community 'leeds-primry' (no folder content/communities/leeds-primry/)
                hint: did you mean 'leeds-primary'? the communities are: leeds-primary, york; to start one, run 'copse new community leeds-primry'
            """)
        #expect(Hubs.error(scaffold.newResource(community: "yrok", title: "Quiz")) == """
            error: there is no community 'yrok' (no folder content/communities/yrok/)
                hint: did you mean 'york'? the communities are: leeds-primary, york; to start one, run 'copse new community yrok'
            """)
    }

    @Test func aDateThatDoesNotExistIsAnError() throws {
        let (root, scaffold) = try Self.hubWithCommunity()
        defer { try? FileManager.default.removeItem(at: root) }
        for date in ["2027-02-30", "14/01/2027", "2027-1-14", "2027-01-14T10:00"] {
            #expect(Hubs.error(scaffold.newMeeting(community: "leeds-primary", date: date)) == """
                error: '\(date)' is not a date: write it as YYYY-MM-DD, a day that exists
                    hint: for example --date 2026-12-01
                """)
        }
        let meetings = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/communities/leeds-primary/meetings").path)
        #expect(meetings == ["_template.md"])
    }

    @Test func anUnknownCommunityAndAnImpossibleDateAreBothReported() throws {
        let (root, scaffold) = try Self.hubWithCommunity()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Hubs.error(scaffold.newMeeting(community: "leeds", date: "2027-02-30")) == """
            error: there is no community 'leeds' (no folder content/communities/leeds/)
                hint: did you mean 'leeds-primary'? the communities are: leeds-primary; to start one, run 'copse new community leeds'
            error: '2027-02-30' is not a date: write it as YYYY-MM-DD, a day that exists
                hint: for example --date 2026-12-01
            """)
    }

    @Test func anExistingNoteIsNeverOverwritten() throws {
        let (root, scaffold) = try Self.hubWithCommunity()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = "content/communities/leeds-primary/meetings/2027-01-14-meeting.md"
        try Hubs.write(root, path, "our notes\n")
        #expect(Hubs.error(scaffold.newMeeting(community: "leeds-primary", date: "2027-01-14")) == """
            error: this file exists already, so nothing was written:
              \(path)
                hint: there is already a note of that title on that day: edit it, or give this one another --title
            """)
        #expect(Hubs.read(root, path) == "our notes\n")
    }
}
