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
        switch parts.count {
        case 1 where stem == "index":
            kind = .home
        case 2 where parts[0] == "resources":
            kind = .resource
        case 3 where community != nil && stem == "community":
            kind = .community
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
        } else if stem == "index" {
            outputPath = folder.isEmpty ? "index.html" : folder + "/index.html"
        } else {
            outputPath = (folder.isEmpty ? "" : folder + "/") + stem + "/index.html"
        }
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
