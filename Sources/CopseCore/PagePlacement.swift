import Foundation

/// Where a file under `content/` goes: its kind, community and output path.
struct PagePlacement: Equatable {
    var kind: PageKind
    var community: String?
    var founding: FoundingDocument?
    var outputPath: String

    init(contentPath: String) {
        // Bytes: this runs for every page (see PathBytes).
        let parts = PathBytes.parts(contentPath)
        let stem = parts.last!.dropLast(3)
        community = parts.count >= 3 && parts[0] == "communities" ? String(parts[1]) : nil
        founding = nil
        // A README is its folder's page, as on a git host: like index.md, and a community's
        // profile when there is no community.md (both at once is an error; see SiteIndex).
        let readme = PathBytes.equalsIgnoringCase(stem, "readme")
        let isIndex = stem == "index" || readme
        switch parts.count {
        case 1 where isIndex:
            kind = .home
        case 2 where parts[0] == "resources":
            kind = .resource
        case 3 where community != nil && (stem == "community" || readme):
            kind = .community
        case 4 where community != nil && isIndex:
            // meetings/README.md, resources/index.md: the folder's page, not a meeting or a resource.
            kind = .document
        case 4 where community != nil && parts[2] == "meetings":
            kind = .meeting
        case 4 where community != nil && parts[2] == "resources":
            kind = .resource
        default:
            kind = .document
            if community != nil, parts.count == 3 { founding = FoundingDocument(rawValue: String(stem)) }
        }
        let folder = parts.dropLast().joined(separator: "/")
        if kind == .community {
            outputPath = folder + "/index.html"
        } else if isIndex {
            outputPath = folder.isEmpty ? "index.html" : folder + "/index.html"
        } else {
            outputPath = (folder.isEmpty ? "" : folder + "/") + String(stem) + "/index.html"
        }
    }

    /// Whether `contentPath` is a folder's `README.md` (the name in any case).
    static func isReadme(_ contentPath: String) -> Bool {
        isReadme(name: PathBytes.lastPart(contentPath) ?? "")
    }

    /// Whether `contentPath` is one of the files that can be its folder's page: `index.md`,
    /// `README.md`, or `community.md` directly in a community's folder.
    static func isFolderPage(_ contentPath: String) -> Bool {
        let name = PathBytes.lastPart(contentPath) ?? ""
        let stem = name.dropLast(3)
        if stem == "index" || isReadme(name: name) { return true }
        guard stem == "community" else { return false }
        let parts = PathBytes.parts(contentPath, maxSplits: 3)
        return parts.count == 3 && parts[0] == "communities"
    }

    /// `2026-11-24` from a meeting file name like `2026-11-24-spring-term.md`.
    static func dateFromFileName(_ contentPath: String) -> Day? {
        guard let name = PathBytes.lastPart(contentPath), name.utf8.count > 10,
              name.utf8.prefix(10).allSatisfy({ $0 < 0x80 }) else { return nil }
        // A date is ten ASCII bytes, each a character of its own; the character after them
        // must be a hyphen or a dot alone (not one with a combining mark).
        let tenth = name.utf8.index(name.startIndex, offsetBy: 10)
        guard let day = Day(iso: name[..<tenth]), let next = name[tenth...].first, next == "-" || next == "." else { return nil }
        return day
    }

    /// `spring-term-meeting` -> `Spring term meeting`.
    static func humanise(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

private extension PagePlacement {
    /// `README.md` in any case: nine characters, the first six `readme` in any case. Bytes first:
    /// only a name that starts with those six letters is looked at as characters.
    static func isReadme(name: Substring) -> Bool {
        guard name.utf8.count >= 9, PathBytes.equalsIgnoringCase(Substring(name.utf8.prefix(6)), "readme") else { return false }
        return name.count == 9 && name.dropLast(3).lowercased() == "readme"
    }
}
