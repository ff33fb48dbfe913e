import CopseCore

/// The public addresses of a site whose `base_url` is known: what feeds, calendars and the
/// sitemap link to (the pages themselves link relatively).
struct SiteAddress: Sendable, Equatable {
    /// `base_url`, ending in `/`.
    let base: String
    /// The host of `base_url`, lower case, without user or port: the domain of calendar UIDs.
    let host: String

    init?(baseURL: String?) {
        guard let baseURL, let scheme = baseURL.range(of: "://") else { return nil }
        base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var authority = baseURL[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let user = authority.lastIndex(of: "@") { authority = authority[authority.index(after: user)...] }
        // A bracketed IPv6 address keeps its colons; a port after the host is dropped.
        let port = authority.hasPrefix("[") ? authority.firstIndex(of: "]").map { authority.index(after: $0) } : authority.firstIndex(of: ":")
        host = String(authority[..<(port ?? authority.endIndex)]).lowercased()
    }

    /// The public URL of an output file: `communities/x/index.html` is `<base>communities/x/`;
    /// characters a URL path cannot hold are percent-encoded.
    func url(_ outputPath: String) -> String {
        base + Self.percentEncoded(EvidenceRecord.address(of: outputPath))
    }
}

extension SiteAddress {
    /// A feed and a calendar to follow (the hub's or a community's), with their public URLs
    /// worked out once rather than on every page that links to them.
    struct Subscription: Sendable {
        /// "Hub name: meeting notes"
        let title: String
        let feedPath: String
        let calendarPath: String
        let feedURL: String
        let calendarURL: String
        /// The addresses as every page shows them (see ``FollowInfo``): made once here, not for
        /// each of thousands of pages.
        let feedAddressHTML: String
        let calendarAddressHTML: String
        let webcalAddress: String

        init(_ address: SiteAddress, feed: String, calendar: String, title: String) {
            self.title = title
            feedPath = feed
            calendarPath = calendar
            feedURL = address.url(feed)
            calendarURL = address.url(calendar)
            feedAddressHTML = FollowInfo.breakable(feedURL)
            calendarAddressHTML = FollowInfo.breakable(calendarURL)
            webcalAddress = FollowInfo.webcal(calendarURL)
        }
    }

    /// `2026-11-24T00:00:00Z`: a day as an RFC 3339 timestamp, midnight UTC.
    static func timestamp(_ day: Day) -> String { day.iso + "T00:00:00Z" }

    /// The path with every byte outside RFC 3986's path characters written as `%XX`.
    static func percentEncoded(_ path: String) -> String {
        // The contiguous buffer is scanned several times faster than the generic UTF-8 view.
        guard !(path.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPathByte) } ?? path.utf8.allSatisfy(isPathByte)) else {
            return path
        }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            if isPathByte(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private extension SiteAddress {
    /// Unreserved characters, sub-delimiters, `:`, `@` and `/`.
    static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~!$&'()*+,;=:@/".utf8.contains(byte)
        }
    }
}
