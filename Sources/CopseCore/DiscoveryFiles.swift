/// The files copse writes for other programs when `base_url` is set: Atom feeds of meeting notes,
/// iCalendar files of meetings, the sitemap and robots.txt. Their paths are reserved whether or
/// not `base_url` is set, so that setting it later never collides with a file of the hub.
package enum DiscoveryFiles {
    /// Name of a feed: `feed.xml` for the hub, `communities/<c>/feed.xml` for a community.
    package static let feed = "feed.xml"
    /// Name of a calendar: `meetings.ics` for the hub, `communities/<c>/meetings.ics` for a community.
    package static let calendar = "meetings.ics"
    package static let sitemap = "sitemap.xml"
    package static let robots = "robots.txt"

    /// Output paths at the site root, with what copse writes there.
    package static let hubFiles = [feed: "the hub's feed of meeting notes", calendar: "the hub's calendar of meetings",
                                  sitemap: "the sitemap", robots: "the robots.txt file"]
    /// File names in each community's folder (`communities/<c>/`), with what copse writes there.
    package static let communityFiles = [feed: "the community's feed of meeting notes",
                                        calendar: "the community's calendar of meetings"]

    package static func communityFeed(_ community: String) -> String { "communities/\(community)/\(feed)" }
    package static func communityCalendar(_ community: String) -> String { "communities/\(community)/\(calendar)" }

    /// The calendar file of one meeting, beside its page and named after its folder, so that a
    /// saved download keeps a telling name: `communities/leeds/meetings/2026-12-03-planning/index.html`
    /// gives `communities/leeds/meetings/2026-12-03-planning/2026-12-03-planning.ics`. Reserved for
    /// every meeting page, like the other calendars, whether or not `base_url` is set.
    package static func meetingCalendar(pageOutputPath: String) -> String {
        // Bytes (see PathBytes): this runs for every meeting, several times a build.
        if let page = PathBytes.dropping(suffix: "/index.html", from: pageOutputPath) {
            return "\(page)/\(PathBytes.lastPart(page) ?? "meeting").ics"
        }
        let page = PathBytes.dropping(suffix: ".html", from: pageOutputPath) ?? pageOutputPath[...]
        let name = PathBytes.lastPart(page) ?? "meeting"
        return "\(page.dropLast(name.count))\(name).ics"
    }

    /// What copse writes at `outputPath`, when it is one of these files.
    package static func use(of outputPath: String) -> String? {
        // Hub files are at the root: an output in a folder is not looked up.
        if !outputPath.utf8.contains(UInt8(ascii: "/")), let use = hubFiles[outputPath] { return use }
        // Most outputs are passed over without being taken apart.
        guard outputPath.utf8.starts(with: "communities/".utf8) else { return nil }
        let parts = PathBytes.parts(outputPath, maxSplits: 3, keepingEmpty: true)
        guard parts.count == 3, parts[0] == "communities", !parts[1].isEmpty else { return nil }
        return communityFiles[String(parts[2])]
    }
}
