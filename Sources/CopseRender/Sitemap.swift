import CopseCore

/// `sitemap.xml` (the sitemaps.org protocol) and the `robots.txt` that names it.
enum Sitemap {
    struct Entry: Sendable, Equatable {
        /// Absolute URL.
        var url: String
        /// When the page last changed, when known.
        var lastModified: Day?
    }

    /// The sitemap of `entries`, in the order given.
    static func xml(_ entries: [Entry]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            out += "  <url><loc>"
            out += XMLEscaping.escape(entry.url)
            out += "</loc>"
            if let day = entry.lastModified { out += "<lastmod>\(day.iso)</lastmod>" }
            out += "</url>\n"
        }
        out += "</urlset>\n"
        return out
    }

    /// Lets every crawler in and names the sitemap.
    static func robots(sitemapURL: String) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(sitemapURL)\n"
    }
}
