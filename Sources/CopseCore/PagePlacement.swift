import Foundation

/// Where a file under `content/` goes: its kind, community and output path.
struct PagePlacement: Equatable {
    var kind: PageKind
    var community: String?
    var founding: FoundingDocument?
    var outputPath: String

    init(contentPath: String) {
        let parts = contentPath.split(separator: "/").map(String.init)
        let stem = String(parts.last!.dropLast(3))
        community = parts.count >= 3 && parts[0] == "communities" ? parts[1] : nil
        founding = nil
        // A README is its folder's page, as on a git host: like index.md, and a community's
        // profile when there is no community.md (both at once is an error; see SiteIndex).
        let readme = stem.lowercased() == "readme"
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
            if community != nil, parts.count == 3 { founding = FoundingDocument(rawValue: stem) }
        }
        let folder = parts.dropLast().joined(separator: "/")
        if kind == .community {
            outputPath = folder + "/index.html"
        } else if isIndex {
            outputPath = folder.isEmpty ? "index.html" : folder + "/index.html"
        } else {
            outputPath = (folder.isEmpty ? "" : folder + "/") + stem + "/index.html"
        }
    }

    /// Whether `contentPath` is a folder's `README.md` (the name in any case).
    static func isReadme(_ contentPath: String) -> Bool {
        let name = contentPath.split(separator: "/").last ?? ""
        return name.count == 9 && name.dropLast(3).lowercased() == "readme"
    }

    /// Whether `contentPath` is one of the files that can be its folder's page: `index.md`,
    /// `README.md`, or `community.md` directly in a community's folder.
    static func isFolderPage(_ contentPath: String) -> Bool {
        let parts = contentPath.split(separator: "/")
        let stem = parts.last.map { $0.dropLast(3) } ?? ""
        return stem == "index" || isReadme(contentPath)
            || (stem == "community" && parts.count == 3 && parts[0] == "communities")
    }

    /// `2026-11-24` from a meeting file name like `2026-11-24-spring-term.md`.
    static func dateFromFileName(_ contentPath: String) -> Day? {
        guard let name = contentPath.split(separator: "/").last, name.count >= 10 else { return nil }
        let prefix = name.prefix(10)
        let rest = name.dropFirst(10)
        guard rest.first == "-" || rest.first == "." else { return nil }
        return Day(iso: prefix)
    }

    /// `spring-term-meeting` -> `Spring term meeting`.
    static func humanise(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
