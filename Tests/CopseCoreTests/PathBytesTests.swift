import Foundation
import Testing
@testable import CopseCore

/// The byte-level path handling (``PathBytes``) against the Character-based code it replaced,
/// kept here as the reference: any path on which they differ fails.
@Suite struct PathBytesTests {
    /// Non-ASCII names (composed and decomposed), README in any case, empty parts, dates.
    static let paths = [
        "index.md", "README.md", "ReadMe.md", "readme.md", "rEaDmE.md", "README.MD", "READMES.md", "README\u{301}.md",
        "Re\u{301}adme.md", "RÉADME.md", "readme-first.md", "a/README.md", "a/readmes.md", "a/README.txt",
        "communities/leeds/community.md", "communities/leeds/README.md", "communities/leeds/index.md",
        "communities/zürich/community.md", "communities/zu\u{308}rich/Readme.md", "communities/日本/charter.md",
        "communities/leeds/charter.md", "communities/leeds/norms.md", "communities/leeds/practice.md",
        "communities/leeds/meetings/2026-11-24-spring-term.md", "communities/leeds/meetings/2026-11-24.md",
        "communities/leeds/meetings/2026-11-24-café.md", "communities/leeds/meetings/2026-11-24-\u{301}x.md",
        "communities/leeds/meetings/2026-11-24\u{301}-x.md", "communities/leeds/meetings/２０２６-11-24-x.md",
        "communities/leeds/meetings/2026-1-24-x.md", "communities/leeds/meetings/2026-11-24x.md",
        "communities/leeds/meetings/index.md", "communities/leeds/meetings/README.md", "communities/leeds/meetings/community.md",
        "communities/leeds/resources/pair-programming.md", "communities/leeds/resources/index.md",
        "communities/leeds/deep/er/page.md", "communities/community.md", "communities.md",
        "resources/kurs-für-anfänger.md", "resources/index.md", "resources/a/b.md", "guides/日本語.md",
        "a//b.md", "//a.md", "a/b//README.md", "x/index.md", "Index.md", "communities//leeds/community.md",
    ]

    @Test func placementsAreTheCharacterBasedOnes() {
        for path in Self.paths {
            let placement = PagePlacement(contentPath: path)
            let reference = Reference.placement(path)
            #expect(placement.kind == reference.kind, "\(path)")
            #expect(placement.community == reference.community, "\(path)")
            #expect(placement.founding == reference.founding, "\(path)")
            #expect(placement.outputPath == reference.outputPath, "\(path)")
            #expect(PagePlacement.isReadme(path) == Reference.isReadme(path), "\(path)")
            #expect(PagePlacement.isFolderPage(path) == Reference.isFolderPage(path), "\(path)")
            #expect(PagePlacement.dateFromFileName(path) == Reference.dateFromFileName(path), "\(path)")
            #expect(PathBytes.parts(path) == path.split(separator: "/"), "\(path)")
            #expect(PathBytes.lastPart(path) == path.split(separator: "/").last, "\(path)")
        }
        #expect(PagePlacement.dateFromFileName("communities/leeds/meetings/2026-11-24-café.md")?.iso == "2026-11-24")
        #expect(PagePlacement.dateFromFileName("communities/leeds/meetings/2026-11-24-\u{301}x.md") == nil)
    }

    @Test func calendarNamesAndReservedFilesAreTheCharacterBasedOnes() {
        let outputs = Self.paths.map { PagePlacement(contentPath: $0).outputPath }
            + ["feed.xml", "sitemap.xml", "communities/leeds/feed.xml", "communities/leeds/meetings.ics", "communities//feed.xml",
               "communities/zürich/meetings.ics", "communities/leeds/x/feed.xml", "a/feed.xml", "page.html", "a/b.html", ".html",
               "communities/leeds/meetings/2026-11-24-café/index.html", "/index.html", "index.html"]
        for output in outputs {
            #expect(DiscoveryFiles.meetingCalendar(pageOutputPath: output) == Reference.meetingCalendar(output), "\(output)")
            #expect(DiscoveryFiles.use(of: output) == Reference.use(of: output), "\(output)")
        }
    }

    @Test func resolvedLinksAreTheCharacterBasedOnes() {
        let links = ["norms.md", "../norms.md", "../../x.md", "../../../x.md", "./a/./b/../c.md", "a//b.md", "/resources/x.md",
                     "..", ".", "", "...", "..a/b.md", "a/..", "a/../..", "café/../thé.md", "日本/./語.md", "a/b/", "//"]
        let folders = ["", "communities/leeds", "communities/leeds/meetings", "communities/zürich/meetings", "a//b", "/a"]
        for folder in folders {
            for link in links {
                #expect(PathBytes.resolve(link[...], from: folder[...]) == Reference.normalise(link[...], from: folder),
                        "\(link) from \(folder)")
            }
        }
        #expect(PathBytes.resolve("../norms.md", from: "communities/leeds/meetings") == "communities/leeds/norms.md")
        #expect(PathBytes.resolve("../../../x.md", from: "communities/leeds") == nil)
    }

    @Test func caseIsIgnoredForASCIILettersOnly() {
        #expect(PathBytes.equalsIgnoringCase("README", "readme") && PathBytes.equalsIgnoringCase("ReadMe", "readme"))
        #expect(!PathBytes.equalsIgnoringCase("README\u{301}", "readme") && !PathBytes.equalsIgnoringCase("READMÉ", "readme"))
        #expect(!PathBytes.equalsIgnoringCase("READMES", "readme") && !PathBytes.equalsIgnoringCase("READM", "readme"))
        #expect(!PathBytes.equalsIgnoringCase("readme", "README"))
    }
}

/// The Character-based code ``PathBytes`` replaced, as it was.
private enum Reference {
    static func placement(_ contentPath: String) -> (kind: PageKind, community: String?, founding: FoundingDocument?, outputPath: String) {
        let parts = contentPath.split(separator: "/").map(String.init)
        let stem = String(parts.last!.dropLast(3))
        let community = parts.count >= 3 && parts[0] == "communities" ? parts[1] : nil
        var founding: FoundingDocument?
        let readme = stem.lowercased() == "readme"
        let isIndex = stem == "index" || readme
        let kind: PageKind
        switch parts.count {
        case 1 where isIndex: kind = .home
        case 2 where parts[0] == "resources": kind = .resource
        case 3 where community != nil && (stem == "community" || readme): kind = .community
        case 4 where community != nil && isIndex: kind = .document
        case 4 where community != nil && parts[2] == "meetings": kind = .meeting
        case 4 where community != nil && parts[2] == "resources": kind = .resource
        default:
            kind = .document
            if community != nil, parts.count == 3 { founding = FoundingDocument(rawValue: stem) }
        }
        let folder = parts.dropLast().joined(separator: "/")
        let outputPath = kind == .community ? folder + "/index.html"
            : isIndex ? (folder.isEmpty ? "index.html" : folder + "/index.html")
            : (folder.isEmpty ? "" : folder + "/") + stem + "/index.html"
        return (kind, community, founding, outputPath)
    }

    static func isReadme(_ contentPath: String) -> Bool {
        let name = contentPath.split(separator: "/").last ?? ""
        return name.count == 9 && name.dropLast(3).lowercased() == "readme"
    }

    static func isFolderPage(_ contentPath: String) -> Bool {
        let parts = contentPath.split(separator: "/")
        let stem = parts.last.map { $0.dropLast(3) } ?? ""
        return stem == "index" || isReadme(contentPath) || (stem == "community" && parts.count == 3 && parts[0] == "communities")
    }

    static func dateFromFileName(_ contentPath: String) -> Day? {
        guard let name = contentPath.split(separator: "/").last, name.count >= 10 else { return nil }
        let rest = name.dropFirst(10)
        guard rest.first == "-" || rest.first == "." else { return nil }
        return Day(iso: name.prefix(10))
    }

    static func meetingCalendar(_ pageOutputPath: String) -> String {
        let page = pageOutputPath.hasSuffix("/index.html") ? String(pageOutputPath.dropLast("/index.html".count))
            : pageOutputPath.hasSuffix(".html") ? String(pageOutputPath.dropLast(".html".count)) : pageOutputPath
        let name = page.split(separator: "/").last.map(String.init) ?? "meeting"
        let folder = pageOutputPath.hasSuffix("/index.html") ? page + "/" : String(page.dropLast(name.count))
        return folder + name + ".ics"
    }

    static func use(of outputPath: String) -> String? {
        if let use = DiscoveryFiles.hubFiles[outputPath] { return use }
        let parts = outputPath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "communities", !parts[1].isEmpty else { return nil }
        return DiscoveryFiles.communityFiles[String(parts[2])]
    }

    static func normalise(_ path: Substring, from folder: String) -> String? {
        var parts = folder.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        for bytes in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let part = Substring(bytes)
            switch part {
            case ".": continue
            case "..":
                guard parts.popLast() != nil else { return nil }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
