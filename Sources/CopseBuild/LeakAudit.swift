import CopseCore
import CopseRender
import Foundation

/// The privacy audit of every build and check: no passage of a private or draft page, nor any
/// private passage of a published page (a ```` ```private ```` block), may appear in any file of
/// the site. Every run of five words of each unpublished page (its title, summary, evidence
/// summary and text) and of each private passage is looked for in every output file: pages, the
/// search index (read back as text), feeds, calendars, the sitemap, exports, and the files copied
/// from `content/`. Passages that published pages also show (a heading every meeting has, a
/// sentence quoted from the charter) are not counted: they are public already.
package struct LeakAudit: Sendable {
    /// A passage of an unpublished page, or of a private passage of a published one.
    struct Passage: Sendable {
        var source: String
        var words: String
        var isPrivatePassage: Bool
    }

    /// How many unpublished pages were audited.
    package let pageCount: Int
    /// How many private passages of published pages were audited.
    package let passageCount: Int
    private let passages: [UInt64: Passage]
    private let filter: HashFilter
    /// Every passage looked for before those the site shows anyway were taken out, and each
    /// published page's share of those (by page): kept so that a new version of a page's text
    /// changes only its share (``replacingText(_:)``).
    private let candidates: [UInt64: Passage]
    private let candidateFilter: HashFilter
    private let shared: [[UInt64]]

    /// Nothing to look for: no unpublished page and no private passage has five words.
    package var isEmpty: Bool { passages.isEmpty }

    /// What the audit looks for, as one hash: a file found clean by an audit with the same
    /// fingerprint is clean again while its bytes are unchanged.
    var fingerprint: ContentHash {
        var hasher = Hasher128()
        hasher.add("leak audit")
        for hash in passages.keys.sorted() { hasher.add(hash) }
        return hasher.finish()
    }

    /// `hidden`: the pages that are not published; `published`: the site's pages.
    package init(hidden: [ParsedPage], published: [SitePage]) {
        var passages: [UInt64: Passage] = [:]
        func add(_ text: String, source: String, isPrivatePassage: Bool) {
            var text = text
            text.withUTF8 { bytes in
                Shingles.each(in: bytes, markup: true) { window in
                    guard passages[window.hash] == nil else { return }
                    let words = String(decoding: UnsafeBufferPointer(rebasing: bytes[window.start..<window.end]), as: UTF8.self)
                    passages[window.hash] = Passage(source: source, words: words, isPrivatePassage: isPrivatePassage)
                }
            }
        }
        for page in hidden { add(Self.texts(of: page), source: page.source, isPrivatePassage: false) }
        var passageCount = 0
        for page in published {
            for passage in page.parsed.markdown.privatePassages {
                passageCount += 1
                add(passage, source: page.parsed.source, isPrivatePassage: true)
            }
        }
        let filter = HashFilter(passages.keys)
        let candidates = passages
        let shared = passages.isEmpty ? [] : published.parallelMap { Self.shared(by: $0, candidates: candidates, filter: filter) }
        self.init(pageCount: hidden.count, passageCount: passageCount, candidates: passages, candidateFilter: filter, shared: shared)
    }

    private init(pageCount: Int, passageCount: Int, candidates: [UInt64: Passage], candidateFilter: HashFilter, shared: [[UInt64]]) {
        self.pageCount = pageCount
        self.passageCount = passageCount
        self.candidates = candidates
        self.candidateFilter = candidateFilter
        self.shared = shared
        var passages = candidates
        for hashes in shared { for hash in hashes { passages[hash] = nil } }
        self.passages = passages
        filter = passages.isEmpty ? HashFilter([]) : HashFilter(passages.keys)
    }

    /// The audit of the same hidden pages and private passages, with the published pages of
    /// `text` (by position in the site) in their new version.
    func replacingText(_ text: [PageID: SitePage]) -> LeakAudit {
        guard !candidates.isEmpty else { return self }
        var shared = self.shared
        for (id, page) in text { shared[id.index] = Self.shared(by: page, candidates: candidates, filter: candidateFilter) }
        return LeakAudit(pageCount: pageCount, passageCount: passageCount, candidates: candidates, candidateFilter: candidateFilter,
                         shared: shared)
    }

    /// An error for each output file that holds a passage of an unpublished page, at the passage
    /// (for a file copied from `content/`) or at the unpublished page (for a file copse made).
    package func findings(in files: [OutputFile], staticFiles: Set<String>) -> [Diagnostic] {
        guard !passages.isEmpty else { return [] }
        return files.parallelMap { finding(in: $0, isStatic: staticFiles.contains($0.path)) }.compactMap { $0 }
    }

    /// The error for one output file, if it holds a passage; `isStatic` for a file copied from
    /// `content/`. Safe to call from many threads at once.
    package func finding(in file: OutputFile, isStatic: Bool) -> Diagnostic? {
        guard !passages.isEmpty else { return nil }
        var hit: (Passage, Int)?
        // A page copse made is read where it is: only static files need their bytes (for the
        // line and column), and the search index and calendars need reading back first.
        if !isStatic, case .text(var text) = file.contents, !SearchIndexText.isPart(file.path), !file.path.hasSuffix(".ics") {
            text.withUTF8 { hit = firstPassage(in: $0, markup: true) }
            return hit.map { passage, _ in Self.generatedLeak(passage, in: file.path) }
        }
        guard var bytes = Self.readable(file) else {
            return .error(SourceLocation(path: file.path), "the leak audit could not read the search index back",
                          hint: "this is a bug in copse; please report it")
        }
        bytes.withUnsafeBufferPointer { hit = firstPassage(in: $0, markup: !isStatic) }
        guard let (passage, offset) = hit else { return nil }
        let what = passage.isPrivatePassage ? "a private passage of \(passage.source)" : "text of \(passage.source), which is not"
        if isStatic {
            let (line, column) = Self.position(of: offset, in: bytes)
            bytes = []
            return .error(SourceLocation(path: "content/" + file.path, line: line, column: column),
                          "this file is published, but it contains \(what): \"\(passage.words)\"",
                          hint: "remove the passage from this file, or move the file out of content/")
        }
        return Self.generatedLeak(passage, in: file.path)
    }
}

private extension LeakAudit {
    /// The passages among `candidates` that `page` shows: what a published page shows is public
    /// however it is cut, across its blocks too (the search index joins them), and with its own
    /// addresses (the exports list them).
    static func shared(by page: SitePage, candidates: [UInt64: Passage], filter: HashFilter) -> [UInt64] {
        var found: [UInt64] = []
        var text = texts(of: page.parsed) + "\n" + page.parsed.source + "\n" + page.outputPath
        text.withUTF8 { bytes in
            Shingles.each(in: bytes, markup: true, blocks: false) { window in
                if filter.mayContain(window.hash), candidates[window.hash] != nil { found.append(window.hash) }
            }
        }
        return found
    }

    /// The first passage in `buffer`, with the offset it starts at. A method with a plain
    /// closure, so nothing it captures is boxed: it runs for every word of the site.
    func firstPassage(in buffer: UnsafeBufferPointer<UInt8>, markup: Bool) -> (Passage, Int)? {
        var hit: (Passage, Int)?
        Shingles.each(in: buffer, markup: markup) { window in
            if hit == nil, filter.mayContain(window.hash), let passage = passages[window.hash] { hit = (passage, window.start) }
        }
        return hit
    }

    /// A passage in a file copse made: reported at the page it comes from.
    static func generatedLeak(_ passage: Passage, in path: String) -> Diagnostic {
        let page = passage.isPrivatePassage ? "a private passage of this page" : "text of this unpublished page"
        return .error(SourceLocation(path: passage.source),
                      "\(page) would appear in \(path): \"\(passage.words)\"",
                      hint: "copse or the theme is leaking it; nothing was written. Please report this as a bug")
    }

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
            if SearchIndexText.isPart(file.path) { return SearchIndexText.text(ofPart: text).map { Array($0.utf8) } }
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
