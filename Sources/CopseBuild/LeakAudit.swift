import CopseCore
import CopseRender
import Foundation

/// The privacy audit of `copse check`: no passage of a private or draft page may appear in any
/// file of the site. Every run of five words of each unpublished page (its title, summary,
/// evidence summary and text) is looked for in every output file: pages, the search index (read
/// back as text), feeds, calendars, the sitemap, exports, and the files copied from `content/`.
/// Passages that published pages also contain (a heading every meeting has, a sentence quoted
/// from the charter) are not counted: they are public already.
public struct LeakAudit: Sendable {
    /// A passage of an unpublished page.
    struct Passage: Sendable {
        var source: String
        var words: String
    }

    /// How many unpublished pages were audited.
    public let pageCount: Int
    private let passages: [UInt64: Passage]

    /// `hidden`: the pages that are not published; `published`: the site's pages.
    public init(hidden: [ParsedPage], published: [SitePage]) {
        pageCount = hidden.count
        var passages: [UInt64: Passage] = [:]
        for page in hidden {
            var text = Self.texts(of: page)
            text.withUTF8 { bytes in
                Shingles.each(in: bytes, markup: true) { window in
                    guard passages[window.hash] == nil else { return }
                    let words = String(decoding: UnsafeBufferPointer(rebasing: bytes[window.start..<window.end]), as: UTF8.self)
                    passages[window.hash] = Passage(source: page.source, words: words)
                }
            }
        }
        guard !passages.isEmpty else {
            self.passages = [:]
            return
        }
        let candidates = passages
        let shared = published.parallelMap { page -> [UInt64] in
            var found: [UInt64] = []
            var text = Self.texts(of: page.parsed)
            text.withUTF8 { bytes in
                Shingles.each(in: bytes, markup: true) { window in
                    if candidates[window.hash] != nil { found.append(window.hash) }
                }
            }
            return found
        }
        for hashes in shared { for hash in hashes { passages[hash] = nil } }
        self.passages = passages
    }

    /// An error for each output file that holds a passage of an unpublished page, at the passage
    /// (for a file copied from `content/`) or at the unpublished page (for a file copse made).
    public func findings(in files: [OutputFile], staticFiles: Set<String>) -> [Diagnostic] {
        guard !passages.isEmpty else { return [] }
        let found = files.parallelMap { file -> Diagnostic? in
            guard var bytes = Self.readable(file) else {
                return .error(SourceLocation(path: file.path), "the leak audit could not read the search index back",
                              hint: "this is a bug in copse; please report it")
            }
            var hit: (Passage, Int)?
            bytes.withUnsafeBufferPointer { buffer in
                Shingles.each(in: buffer, markup: !staticFiles.contains(file.path)) { window in
                    if hit == nil, let passage = passages[window.hash] { hit = (passage, window.start) }
                }
            }
            guard let (passage, offset) = hit else { return nil }
            if staticFiles.contains(file.path) {
                let (line, column) = Self.position(of: offset, in: bytes)
                bytes = []
                return .error(SourceLocation(path: "content/" + file.path, line: line, column: column),
                              "this file is published, but it contains text of \(passage.source), which is not: \"\(passage.words)\"",
                              hint: "remove the passage from this file, or move the file out of content/")
            }
            return .error(SourceLocation(path: passage.source),
                          "text of this unpublished page would appear in \(file.path): \"\(passage.words)\"",
                          hint: "copse or the theme is leaking it; nothing was written. Please report this as a bug")
        }
        return found.compactMap { $0 }
    }
}

private extension LeakAudit {
    /// A calendar line folded onto the next (RFC 5545, 3.1).
    static let folded = Array("\r\n ".utf8)

    /// What a reader could read of a page: title, summaries and rendered text.
    static func texts(of page: ParsedPage) -> String {
        var text = [page.frontMatter.title, page.frontMatter.summary, page.frontMatter.evidence?.summary]
            .compactMap { $0 }.joined(separator: "\n")
        text += "\n" + page.markdown.html
        return text
    }

    /// The file's bytes as a reader would meet its words: the search index rebuilt as text, and a
    /// calendar's folded lines joined.
    static func readable(_ file: OutputFile) -> [UInt8]? {
        let bytes: [UInt8]
        switch file.contents {
        case .text(let text):
            if file.path == SearchIndexText.path { return SearchIndexText.text(ofIndex: text).map { Array($0.utf8) } }
            bytes = Array(text.utf8)
        case .copy(let url): bytes = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) } ?? []
        case .bytes(let held): bytes = held
        }
        guard file.path.hasSuffix(".ics") else { return bytes }
        var unfolded: [UInt8] = []
        unfolded.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer.matches(folded, at: index) {
                    index += folded.count
                    continue
                }
                unfolded.append(buffer[index])
                index += 1
            }
        }
        return unfolded
    }

    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
