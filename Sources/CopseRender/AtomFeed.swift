import CopseCore

/// An Atom feed (RFC 4287) as values; ``xml`` writes the document. Every URL in it is absolute.
struct AtomFeed: Sendable {
    struct Entry: Sendable {
        var title: String
        /// The page's public URL: its link and its id.
        var url: String
        var published: Day
        var updated: Day
        var summary: String?
        /// The page's tags: the address part (`term`) and the name as written (`label`).
        var categories: [(term: String, label: String)]
        /// The page's HTML, every link absolute.
        var contentHTML: String
    }

    var title: String
    var subtitle: String
    /// The feed's own public URL: its `self` link and its id.
    var url: String
    /// The page the feed is about (a community home, the hub home).
    var alternateURL: String
    var authorName: String
    var authorURL: String
    var language: String
    /// Newest first.
    var entries: [Entry]
    /// The newest entry's `updated`, given by the caller when there are none.
    var updated: Day

    var xml: String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out.reserveCapacity(entries.reduce(2048) { $0 + $1.contentHTML.utf8.count + 1024 })
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(esc(language))\">\n"
        out += "  <title>\(esc(title))</title>\n"
        out += "  <subtitle>\(esc(subtitle))</subtitle>\n"
        out += "  <id>\(esc(url))</id>\n"
        out += "  <updated>\(SiteAddress.timestamp(updated))</updated>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(esc(url))\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(esc(alternateURL))\"/>\n"
        out += "  <author>\n    <name>\(esc(authorName))</name>\n    <uri>\(esc(authorURL))</uri>\n  </author>\n"
        out += "  <generator>copse</generator>\n"
        for entry in entries { Self.write(entry, to: &out) }
        out += "</feed>\n"
        return out
    }
}

private extension AtomFeed {
    func esc(_ text: String) -> String { XMLEscaping.escape(text) }

    static func write(_ entry: Entry, to out: inout String) {
        let esc = XMLEscaping.escape
        out += "  <entry>\n"
        out += "    <title>\(esc(entry.title))</title>\n"
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(esc(entry.url))\"/>\n"
        out += "    <id>\(esc(entry.url))</id>\n"
        out += "    <published>\(SiteAddress.timestamp(entry.published))</published>\n"
        out += "    <updated>\(SiteAddress.timestamp(entry.updated))</updated>\n"
        if let summary = entry.summary { out += "    <summary>\(esc(summary))</summary>\n" }
        for category in entry.categories {
            out += "    <category term=\"\(esc(category.term))\" label=\"\(esc(category.label))\"/>\n"
        }
        out += "    <content type=\"html\">"
        XMLEscaping.appendCDATA(entry.contentHTML, to: &out)
        out += "</content>\n  </entry>\n"
    }
}
