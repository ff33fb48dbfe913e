import CopseCore
import Foundation

/// Names too long for a file system, found before anything is written: most file systems allow
/// 255 bytes per file or folder name. A tag or a resource `kind` becomes a folder name
/// (`tags/<tag>/`, `resources/kind/<kind>/`), so a long one is an error at its line in the front
/// matter; any other long name is an error at the file it comes from.
enum OutputNames {
    static let maximumBytes = 255

    static func problems(site: Site, paths: [String], content: URL) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var explained = Set<String>()
        // By position: a SitePage copied out retains each of its parts.
        for index in site.pages.indices {
            for tag in site.pages[index].parsed.frontMatter.tags ?? [] {
                // An ASCII tag's slug is never longer than the tag: most tags are passed over.
                if tag.utf8.count <= maximumBytes, tag.utf8.allSatisfy({ $0 < 0x80 }) { continue }
                // Most tags' slugs are known already (see CrossLinks.slugs).
                let slug = site.crossLinks.slugs[tag] ?? CrossLinks.tagSlug(tag)
                guard slug.utf8.count > maximumBytes else { continue }
                explained.insert(slug)
                problems.append(.error(location(of: tag, key: "tags", in: site.pages[index].parsed, content: content),
                    "this tag is too long to be the name of its page's folder (tags/\(shortened(slug))/): \(slug.utf8.count) bytes, and file systems allow \(maximumBytes)",
                    hint: "shorten the tag; a tag is a word or two, such as 'pair programming'"))
            }
            if let kind = site.pages[index].parsed.frontMatter.kind, case let slug = CrossLinks.tagSlug(kind), slug.utf8.count > maximumBytes {
                explained.insert(slug)
                problems.append(.error(location(of: kind, key: "kind", in: site.pages[index].parsed, content: content),
                    "this kind is too long to be the name of its page's folder: \(slug.utf8.count) bytes, and file systems allow \(maximumBytes)",
                    hint: "shorten it to a word or two, such as 'lesson plan'"))
            }
        }
        // A path no longer than the limit has no name longer than it: most are passed over.
        let longPaths = paths.filter { $0.utf8.count > maximumBytes }
        guard !longPaths.isEmpty else { return problems }
        let sources = Dictionary(site.pages.map { ($0.outputPath, $0.parsed.source) }, uniquingKeysWith: { first, _ in first })
        for path in longPaths {
            let long = PathBytes.parts(path).map(String.init).filter { $0.utf8.count > maximumBytes && !explained.contains($0) }
            guard let name = long.first else { continue }
            explained.insert(name)
            let source = sources[path] ?? (site.staticFiles.contains { $0.contentPath == path } ? "content/" + path : "output/" + path)
            problems.append(.error(SourceLocation(path: source),
                "the name '\(shortened(name))' in the address \(shortened(path)) is \(name.utf8.count) bytes; file systems allow \(maximumBytes)",
                hint: "rename the file or folder it comes from to a shorter name"))
        }
        return problems
    }
}

private extension OutputNames {
    /// The first 40 characters and an ellipsis: a 300-character name is not worth printing whole.
    static func shortened(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(40)) + "…" : text
    }

    /// The line and column where `value` is written in the front matter, searched for from the
    /// line of `key` (a list's items may be on the lines below it); the key's line when not found.
    static func location(of value: String, key: String, in page: ParsedPage, content: URL) -> SourceLocation {
        let start = page.keyLines[key] ?? 1
        guard let data = FileManager.default.contents(atPath: content.appendingPathComponent(page.contentPath).path) else {
            return page.location(ofKey: key)
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for number in start...max(start, min(page.bodyLineOffset, lines.count)) where number <= lines.count {
            let line = lines[number - 1]
            if let range = line.range(of: value) {
                return SourceLocation(path: page.source, line: number, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return page.location(ofKey: key)
    }
}
