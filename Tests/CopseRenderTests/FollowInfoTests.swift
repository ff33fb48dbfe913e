@testable import CopseRender
import Testing

/// The feed and calendar addresses every page offers: escaped, breakable after each slash of the
/// path, and the calendar's with the `webcal:` scheme.
@Suite struct FollowInfoTests {
    @Test func anAddressBreaksAfterEachSlashOfItsPathAndIsEscaped() {
        #expect(FollowInfo.breakable("https://hub.example.org/a&b/feed.xml")
            == "https://hub.example.org/<wbr>a&amp;b/<wbr>feed.xml")
        #expect(FollowInfo.breakable("http://x/\"é\"/") == "http://x/<wbr>&quot;é&quot;/<wbr>")
        // Without a scheme every slash breaks; the scheme's own slashes never do.
        #expect(FollowInfo.breakable("a/b<c") == "a/<wbr>b&lt;c")
        #expect(FollowInfo.breakable("https://") == "https://")
        #expect(FollowInfo.breakable("") == "")
    }

    @Test func theCalendarIsSubscribedWithTheWebcalScheme() {
        #expect(FollowInfo.webcal("https://hub.example.org/meetings.ics") == "webcal://hub.example.org/meetings.ics")
        #expect(FollowInfo.webcal("http://a/b://c") == "webcal://a/b://c")
        #expect(FollowInfo.webcal("meetings.ics") == "meetings.ics")
    }
}
