import CopseMarkdown
import Testing
@testable import CopseCore

@Suite struct MeetingTimeTests {
    @Test func readsAStartOrAStartAndAnEnd() {
        #expect(minutes("16:30-18:00") == [990, 1080])
        #expect(minutes(" 9:05 - 10:00 ") == [545, 600])
        #expect(minutes("00:00") == [0, nil])
        #expect(minutes("23:59") == [1439, nil])
        #expect(MeetingTime("16:30-18:00")?.label == "16:30 to 18:00")
        #expect(MeetingTime("9:05")?.label == "09:05")
    }

    @Test(arguments: ["", "16", "16:3", "24:00", "16:60", "18:00-16:30", "16:30-16:30", "16:30-", "4pm", "16:30-18:00-19:00", "１６:30"])
    func rejectsWhatIsNotATime(_ text: String) {
        #expect(MeetingTime(text) == nil)
    }

    @Test func anUnquotedTimeIsReadAsWritten() throws {
        let page = try PageParser.parse(source: "content/x.md", contentPath: "x.md", bytes: Array("---\ntime: 16:30\n---\n".utf8),
                                        markdown: MarkdownOptions()).get()
        #expect(page.frontMatter.time.map { [$0.start, $0.end] } == [990, nil])
    }

    @Test func aWrongTimeIsReportedAtItsKeyWithTheFix() {
        let path = "communities/a/meetings/2026-12-01-plan.md"
        let result = PageParser.parse(source: "content/" + path, contentPath: path,
                                      bytes: Array("---\ntitle: Plan\ntime: 18:00-16:30\n---\n".utf8), markdown: MarkdownOptions())
        #expect(result.failureText == """
        content/communities/a/meetings/2026-12-01-plan.md:3:1: error: 'time': '18:00-16:30' is not a time of day (or the end is not after the start)
            hint: write the time as HH:MM or HH:MM-HH:MM on the 24-hour clock, for example 'time: "16:30-18:00"'
        """)
    }
}

/// Start and end in minutes after midnight, nil when not a time.
private func minutes(_ text: String) -> [Int?]? {
    MeetingTime(text).map { [$0.start, $0.end] }
}
