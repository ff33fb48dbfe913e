@testable import CopseBuild
import CopseCore
import CopseMarkdown
import CopseTestSupport
import Foundation
import Testing

/// Pages for the parse cache's tests: one that sets every field of every type the cache writes,
/// and every Markdown page of the example hub and of the test fixtures, parsed.
enum PageSamples {
    /// Every field set to something other than its default (checked by ``unsetFields(_:)``), with
    /// every case of every enum somewhere in the two pages.
    static let everyField: [Checked<ParsedPage>] = [page(attendees: .names(["Ann", "Bo"])), page(attendees: .count(12))]

    static func page(attendees: Attendance) -> Checked<ParsedPage> {
        var front = FrontMatter()
        front.title = "Spring term meeting"
        front.summary = "We tried pair programming ✓"
        front.date = Day(year: 2026, month: 3, day: 14)
        front.updated = Day(year: 2026, month: 2, day: 28)
        front.tags = ["pairs", "scratch"]
        front.kind = "lesson plan"
        front.draft = true
        front.private = false
        front.region = "Leeds"
        front.leaders = ["Ann Example"]
        front.meets = "first Tuesday"
        front.purpose = "Teachers learning together"
        front.attendees = attendees
        front.location = "Room 4"
        front.time = MeetingTime("16:30-18:00")
        front.evidence = Evidence(summary: "It helped", principles: ["inclusive"], conference: "2027", purpose: "practice",
                                  value: "applied", kind: "lesson")
        let yaml: YAMLValue = .map([
            .init(key: "null", value: .null), .init(key: "yes", value: .bool(true)), .init(key: "no", value: .bool(false)),
            .init(key: "small", value: .int(-42)), .init(key: "least", value: .int(.min)), .init(key: "most", value: .int(.max)),
            .init(key: "real", value: .list([.double(1.5), .double(-0.0), .double(.infinity), .double(-1e300)])),
            .init(key: "text", value: .string("naïve \u{0} 🌳")), .init(key: "nested", value: .list([.list([]), .map([])])),
        ])
        let markdown = MarkdownDocument(
            html: "<h2 id=\"a\">A</h2>\n<p>Text with é, 🌳 and a \u{0} byte.</p>\n", title: "Spring term",
            headings: [MarkdownHeading(level: 2, text: "A", id: "a")],
            links: [MarkdownLink(destination: "../norms.md#voice", line: 3, column: 5, isImage: true, isWiki: true, hasLabel: false),
                    MarkdownLink(destination: "guide", line: 1_000_000, column: 1, isImage: false, isWiki: false, hasLabel: true)],
            otherAnchors: ["fn-1"], placeholderTag: "copse-link-7", privatePassages: ["a secret"],
            imagesWithoutDescription: [MarkdownPosition(line: 9, column: 2)])
        let problem = Diagnostic.error(SourceLocation(path: "content/x.md", line: 4, column: 3), "unknown key 'colour' in evidence",
                                       hint: "did you mean 'kind'?")
        let page = ParsedPage(source: "content/communities/leeds/meetings/2026-03-14-spring.md",
                              contentPath: "communities/leeds/meetings/2026-03-14-spring.md", frontMatter: front,
                              extra: [.init(key: "colour", value: yaml)], keyLines: ["title": 2, "evidence.summary": 17],
                              bodyLineOffset: 21, markdown: markdown, evidenceKeyProblems: [problem])
        return Checked(page, [.warning(SourceLocation(path: page.source, line: 30, column: 1), "an image has no description"), problem])
    }

    /// The names (`ParsedPage.frontMatter.title`) of the optional fields of `value` that are nil,
    /// the collections and strings that are empty, inside it at any depth.
    static func unsetFields(_ value: Any, path: String = "page") -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return unsetFields(wrapped, path: path)
        case .collection, .dictionary, .set:
            guard !mirror.children.isEmpty else { return [path] }
            return mirror.children.enumerated().flatMap { unsetFields($1.value, path: "\(path)[\($0)]") }
        case .struct, .tuple:
            return mirror.children.flatMap { unsetFields($0.value, path: path + "." + ($0.label ?? "?")) }
        default:
            if let text = value as? String, text.isEmpty { return [path] }
            return []
        }
    }

    /// The `content/` folders of the example hub and of every fixture site.
    static var contentFolders: [URL] {
        [Fixtures.repository.appendingPathComponent("content")] + ["sites", "invalid"].flatMap { kind in
            Fixtures.cases(kind).map { Fixtures.folder.appendingPathComponent("\(kind)/\($0)/input/content") }
        }
    }

    typealias Parsed = (key: ParseCache.Key, bytes: [UInt8], page: Checked<ParsedPage>)

    /// Every Markdown file below `content`, parsed as a build parses it.
    static func pages(in content: URL, unsafeHTML: Bool = false) throws -> [Parsed] {
        guard let enumerator = FileManager.default.enumerator(atPath: content.path) else { return [] }
        var pages: [Parsed] = []
        for case let path as String in enumerator where path.hasSuffix(".md") {
            let bytes = [UInt8](try Data(contentsOf: content.appendingPathComponent(path)))
            let key = ParseCache.Key(source: "content/" + path, contentPath: path, bytes: ContentHash.of(bytes), unsafeHTML: unsafeHTML)
            pages.append((key, bytes, PageParser.parse(source: key.source, contentPath: path, bytes: bytes,
                                                       markdown: MarkdownOptions(unsafeHTML: unsafeHTML))))
        }
        return pages.sorted { $0.key.contentPath < $1.key.contentPath }
    }
}
