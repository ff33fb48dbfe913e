import CopseCore
import Testing
@testable import CopseRender

@Suite struct AtomFeedTests {
    @Test func writesTheFeedAndItsEntriesEscaped() throws {
        let day = try #require(Day(iso: "2026-10-01")), later = try #require(Day(iso: "2026-10-09"))
        let feed = AtomFeed(
            title: "Leeds & York: meeting notes", subtitle: "Notes <all of them>", url: "https://h.example/communities/leeds/feed.xml",
            alternateURL: "https://h.example/communities/leeds/", authorName: "Hub \"North\"", authorURL: "https://h.example/",
            language: "en", entries: [
                .init(title: "First", url: "https://h.example/communities/leeds/meetings/2026-10-01-first/", published: day,
                      updated: later, summary: "We met & talked", categories: [("pair-programming", "Pair programming")],
                      contentHTML: "<p>See <a href=\"https://h.example/x/\">x</a>\u{C}, <code>a[b[0]]>c</code>.</p>\n"),
                .init(title: "Second", url: "https://h.example/s/", published: day, updated: day, summary: nil,
                      categories: [], contentHTML: ""),
            ], updated: later)
        #expect(feed.xml == """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Leeds &amp; York: meeting notes</title>
          <subtitle>Notes &lt;all of them&gt;</subtitle>
          <id>https://h.example/communities/leeds/feed.xml</id>
          <updated>2026-10-09T00:00:00Z</updated>
          <link rel="self" type="application/atom+xml" href="https://h.example/communities/leeds/feed.xml"/>
          <link rel="alternate" type="text/html" href="https://h.example/communities/leeds/"/>
          <author>
            <name>Hub &quot;North&quot;</name>
            <uri>https://h.example/</uri>
          </author>
          <generator>copse</generator>
          <entry>
            <title>First</title>
            <link rel="alternate" type="text/html" href="https://h.example/communities/leeds/meetings/2026-10-01-first/"/>
            <id>https://h.example/communities/leeds/meetings/2026-10-01-first/</id>
            <published>2026-10-01T00:00:00Z</published>
            <updated>2026-10-09T00:00:00Z</updated>
            <summary>We met &amp; talked</summary>
            <category term="pair-programming" label="Pair programming"/>
            <content type="html"><![CDATA[<p>See <a href="https://h.example/x/">x</a>, <code>a[b[0]]]]><![CDATA[>c</code>.</p>
        ]]></content>
          </entry>
          <entry>
            <title>Second</title>
            <link rel="alternate" type="text/html" href="https://h.example/s/"/>
            <id>https://h.example/s/</id>
            <published>2026-10-01T00:00:00Z</published>
            <updated>2026-10-01T00:00:00Z</updated>
            <content type="html"><![CDATA[]]></content>
          </entry>
        </feed>

        """)
    }

    @Test func cdataSplitsItsEndMarkerAndDropsCharactersXMLCannotHold() {
        #expect(XMLEscaping.cdata("<p>a & b</p>") == "<![CDATA[<p>a & b</p>]]>")
        #expect(XMLEscaping.cdata("]]>]]]>x\u{1}y\u{FFFF}") == "<![CDATA[]]]]><![CDATA[>]]]]]><![CDATA[>xy]]>")
        #expect(XMLEscaping.cdata("") == "<![CDATA[]]>")
    }

    /// Long text is looked through eight bytes at a time: what needs work is found wherever it
    /// stands, a line break beside it or not, and text that needs none is kept whole.
    @Test func cdataFindsWhatNeedsWorkAtEveryPlaceInLongText() {
        for trouble in ["]]>", "\u{1}", "\u{1F}", "\u{FFFF}", "\u{FFFE}"] {
            for place in 0..<24 {
                let before = String(repeating: "a", count: place)
                for after in ["b plain text that goes on for a while", "\nb\tc\rd and more text"] {
                    let expected = trouble == "]]>" ? "<![CDATA[\(before)]]]]><![CDATA[>\(after)]]>" : "<![CDATA[\(before)\(after)]]>"
                    #expect(XMLEscaping.cdata(before + trouble + after) == expected, "\(trouble.debugDescription) at \(place)")
                }
            }
        }
        let plain = "line one\nline two\twith a tab\r\nand é and 🌱 and \u{FFFD} and ] alone, \u{7F} too"
        #expect(XMLEscaping.cdata(plain) == "<![CDATA[\(plain)]]>")
        // Every byte value at every place of a word and of the bytes after the last one.
        for length in [1, 8, 11, 16] {
            for place in 0..<length {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[place] = UInt8(value)
                    let trouble = value == 0x5D || value == 0xEF || (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
                    #expect(bytes.withUnsafeBufferPointer(XMLEscaping.isPlainCDATA) == !trouble, "\(value) at \(place) of \(length)")
                }
            }
        }
    }

    @Test func xmlEscapingDropsCharactersXMLCannotHold() {
        #expect(XMLEscaping.escape("a\u{0}b\u{8}c\td\ne\u{B}f\u{FFFE}g\u{FFFF}h\u{FFFD}é") == "abc\td\nefgh\u{FFFD}é")
        #expect(XMLEscaping.escape("plain text") == "plain text")
    }

    @Test func samePageLinksBecomeAbsolute() {
        let html = "<p><a href=\"#agenda\">agenda</a> <a href=\"https://x.example/#y\">x</a><sup><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup></p>"
        #expect(HTMLEmbedding.absoluteFragments(html, pageURL: "https://h.example/m/") ==
            "<p><a href=\"https://h.example/m/#agenda\">agenda</a> <a href=\"https://x.example/#y\">x</a><sup><a href=\"https://h.example/m/#fn-1\" id=\"fnref-1\">1</a></sup></p>")
        #expect(HTMLEmbedding.absoluteFragments("<p>none</p>", pageURL: "https://h.example/m/") == "<p>none</p>")
    }

    @Test func publicAddressesDropIndexHtmlAndEncodeWhatAPathCannotHold() throws {
        let address = try #require(SiteAddress(baseURL: "https://Editor@Hub.Example.org:8443/riverside"))
        #expect(address.base == "https://Editor@Hub.Example.org:8443/riverside/")
        #expect(address.host == "hub.example.org")
        #expect(address.url("index.html") == "https://Editor@Hub.Example.org:8443/riverside/")
        #expect(address.url("communities/leeds/index.html") == "https://Editor@Hub.Example.org:8443/riverside/communities/leeds/")
        #expect(address.url("communities/café bar/feed.xml") == "https://Editor@Hub.Example.org:8443/riverside/communities/caf%C3%A9%20bar/feed.xml")
        #expect(SiteAddress(baseURL: "http://[::1]:8000/")?.host == "[::1]")
        #expect(SiteAddress(baseURL: nil) == nil)
    }
}
