import CopseCore
import CopseMarkdown

/// The parse cache's binary form of one parse's result: a ``ParsedPage`` and the parse's
/// diagnostics (its warnings), every field in declaration order (see ``ByteWriter``). Decoding
/// checks every read and gives nil for bytes that are not exactly one encoded page.
///
/// A field added to ``ParsedPage``, ``FrontMatter`` or ``MarkdownDocument`` (or a type inside
/// them) must be written and read here, and ``formatVersion`` bumped: `PageCodingTests` fails
/// until it is (it counts every type's fields, and round-trips a page that sets all of them).
enum PageCoding {
    /// Bumped whenever what is written changes: a cache of another version is not read.
    static let formatVersion: UInt64 = 1

    /// The format version and the memory layout of the types written: part of every cache
    /// entry's key, so that a cache written for other types is never read (a field added but
    /// not written changes the layout even if the version was not bumped).
    static let fingerprint: ContentHash = {
        var hasher = Hasher128()
        hasher.add("copse parsed page \(formatVersion)")
        for size in [MemoryLayout<ParsedPage>.size, MemoryLayout<FrontMatter>.size, MemoryLayout<MarkdownDocument>.size,
                     MemoryLayout<Evidence>.size, MemoryLayout<MeetingTime>.size, MemoryLayout<Attendance>.size,
                     MemoryLayout<Day>.size, MemoryLayout<MarkdownHeading>.size, MemoryLayout<MarkdownLink>.size,
                     MemoryLayout<MarkdownPosition>.size, MemoryLayout<Diagnostic>.size, MemoryLayout<YAMLValue>.size,
                     MemoryLayout<YAMLValue.MapEntry>.size] {
            hasher.add(UInt64(size))
        }
        return hasher.finish()
    }()

    /// The bytes of a page that parsed, with its warnings.
    static func encode(_ page: ParsedPage, diagnostics: [Diagnostic]) -> [UInt8] {
        let html = page.markdown.html
        var writer = ByteWriter(capacity: html.utf8.count + 1024)
        writer.page(page, html: html)
        writer.list(diagnostics) { $0.diagnostic($1) }
        return writer.bytes
    }

    /// The page ``encode(_:diagnostics:)`` wrote; nil unless `bytes` are exactly that. `html`
    /// makes the page's HTML from the reader at its place (decoded into memory by default).
    static func decode(_ bytes: UnsafeRawBufferPointer, html: ByteReader.HTMLReading = ByteReader.htmlInMemory(identity: nil))
        -> Checked<ParsedPage>? {
        var reader = ByteReader(bytes)
        do throws(ByteReader.Damaged) {
            let page = try reader.page(html: html)
            let diagnostics = try reader.list { reader throws(ByteReader.Damaged) in try reader.diagnostic() }
            guard reader.isAtEnd else { return nil }
            return Checked(page, diagnostics)
        } catch {
            return nil
        }
    }

    static func decode(_ bytes: [UInt8]) -> Checked<ParsedPage>? { bytes.withUnsafeBytes { decode($0) } }
}

extension ByteWriter {
    /// `html`: the page's HTML, read once by the caller (it may be kept out of memory).
    mutating func page(_ page: ParsedPage, html: String) {
        string(page.source)
        string(page.contentPath)
        frontMatter(page.frontMatter)
        list(page.extra) { writer, entry in
            writer.string(entry.key)
            writer.yaml(entry.value)
        }
        // Sorted, so that the same page always makes the same bytes.
        count(page.keyLines.count)
        for (key, line) in page.keyLines.sorted(by: { $0.key < $1.key }) {
            string(key)
            int(line)
        }
        int(page.bodyLineOffset)
        markdown(page.markdown, html: html)
        list(page.evidenceKeyProblems) { $0.diagnostic($1) }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .error: byte(1)
        case .warning: byte(0)
        }
        string(diagnostic.location.path)
        int(diagnostic.location.line)
        int(diagnostic.location.column)
        string(diagnostic.message)
        optional(diagnostic.hint) { $0.string($1) }
    }

    mutating func yaml(_ value: YAMLValue) {
        switch value {
        case .null: byte(0)
        case .bool(let value): byte(value ? 2 : 1)
        case .int(let value): byte(3); int(value)
        case .double(let value): byte(4); fixed(value.bitPattern)
        case .string(let value): byte(5); string(value)
        case .list(let values): byte(6); list(values) { $0.yaml($1) }
        case .map(let entries):
            byte(7)
            list(entries) { writer, entry in
                writer.string(entry.key)
                writer.yaml(entry.value)
            }
        }
    }
}

extension ByteReader {
    /// Deeper than any front matter copse accepts (``YAMLLimits``): only damage nests further.
    static let maximumDepth = 128

    /// Makes a page's HTML from the reader, where its length and bytes begin.
    typealias HTMLReading = (inout ByteReader) throws(Damaged) -> PageHTML

    /// The HTML decoded into memory, named `identity` (see ``PageHTML/identity``).
    static func htmlInMemory(identity: HTMLIdentity?) -> HTMLReading {
        { reader throws(Damaged) in PageHTML(try reader.string(), identity: identity) }
    }

    mutating func page(html: HTMLReading) throws(Damaged) -> ParsedPage {
        let source = try string()
        let contentPath = try string()
        let frontMatter = try frontMatter()
        let extra = try list { reader throws(Damaged) in try YAMLValue.MapEntry(key: reader.string(), value: reader.yaml(depth: 1)) }
        let keyCount = try count(unit: 2)
        var keyLines: [String: Int] = [:]
        keyLines.reserveCapacity(keyCount)
        for _ in 0..<keyCount {
            let key = try string()
            guard keyLines.updateValue(try int(), forKey: key) == nil else { throw Damaged() }
        }
        let bodyLineOffset = try int()
        let markdown = try markdown(html: html)
        let problems = try list { reader throws(Damaged) in try reader.diagnostic() }
        return ParsedPage(source: source, contentPath: contentPath, frontMatter: frontMatter, extra: extra, keyLines: keyLines,
                          bodyLineOffset: bodyLineOffset, markdown: markdown, evidenceKeyProblems: problems)
    }

    mutating func diagnostic() throws(Damaged) -> Diagnostic {
        let severity: Diagnostic.Severity = try bool() ? .error : .warning
        let location = SourceLocation(path: try string(), line: try int(), column: try int())
        let message = try string()
        return Diagnostic(severity, location, message, hint: try optional { reader throws(Damaged) in try reader.string() })
    }

    mutating func yaml(depth: Int) throws(Damaged) -> YAMLValue {
        guard depth <= Self.maximumDepth else { throw Damaged() }
        switch try byte() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return .int(try int())
        case 4: return .double(Double(bitPattern: try fixed()))
        case 5: return .string(try string())
        case 6: return .list(try list { reader throws(Damaged) in try reader.yaml(depth: depth + 1) })
        case 7:
            return .map(try list { reader throws(Damaged) in
                try YAMLValue.MapEntry(key: reader.string(), value: reader.yaml(depth: depth + 1))
            })
        default: throw Damaged()
        }
    }
}
