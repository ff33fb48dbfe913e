import Foundation

/// What the last successful build wrote, kept in `.copse-cache/build/manifest`: the fingerprint
/// of its inputs, the leak audit's, and each output file's content hash and stamp. A build reads it
/// to tell which files it need not write again (and whether it need do anything at all).
struct BuildManifest: Equatable, Sendable {
    /// One output file or folder.
    struct Entry: Equatable, Sendable {
        enum Kind: String, Sendable {
            /// A file copse made (a page, a feed, a theme asset).
            case generated = "g"
            /// A file copied from `content/` (the leak audit reads those differently).
            case copied = "s"
            /// A folder: its stamp changes when a file is added to it or taken from it.
            case folder = "d"
        }

        var hash: ContentHash
        /// For a file rendered from a template: the hash of the theme, the template's name and the
        /// complete context (``Incremental/renderKey``). The same key renders the same bytes.
        var key: ContentHash?
        /// The pages whose text went into the file (``CopseRender/BodyReads``), as positions in
        /// ``BuildManifest/pages``; nil when not recorded (a file copied from `content/`, a folder).
        var reads: [Int]? = nil
        var stamp: FileStamp
        var kind: Kind
    }

    /// One Markdown file the build read.
    struct Page: Equatable, Sendable {
        /// `content/...md`.
        var source: String
        /// Its bytes' hash.
        var hash: ContentHash
    }

    /// Bumped whenever the format or the meaning of a field changes: an older or newer cache is
    /// ignored.
    static let formatVersion = 3

    /// The copse that wrote it (``BuildFingerprint/program``).
    var program: ContentHash
    /// Everything the build read (``BuildFingerprint``).
    var inputs: ContentHash
    /// Everything the build read but the text of its pages: ``BuildFingerprint/Hashes/frame``
    /// with every page's ``PageFacet``. Nil when a page did not parse.
    var site: ContentHash?
    /// Every Markdown file, in the order of the scan.
    var pages: [Page]
    /// The output folder the build swapped in.
    var output: String
    /// What the leak audit looked for (``LeakAudit/fingerprint``).
    var audit: ContentHash
    var pageCount: Int
    var auditedPages: Int?
    var auditedPassages: Int?
    /// The build reported no problem at all (no warning either): only then may a later build with
    /// the same inputs do nothing, since it has nothing to report.
    var quiet: Bool
    /// By path relative to the output folder; the copse marker file and every folder included
    /// (the output folder itself as `.`).
    var files: [String: Entry]
}

extension BuildManifest {
    /// The text written to disk: a header line, one line per field, one per file, and a last line
    /// holding the hash of all before it, so that a truncated or damaged file is never trusted.
    func encoded() -> String {
        var lines = ["copse-build-cache \(Self.formatVersion)",
                     "program \(program)", "inputs \(inputs)", "site \(site.map(\.description) ?? "-")", "audit \(audit)",
                     "pages \(pageCount) \(auditedPages.map(String.init) ?? "-") \(auditedPassages.map(String.init) ?? "-")",
                     "quiet \(quiet ? 1 : 0)", "output \(output)"]
        // A page with a newline in its path cannot be recorded: no file's reads can name it, so
        // the manifest is written without pages (every file is then made again next time).
        let pages = self.pages.contains { $0.source.contains("\n") } ? [] : self.pages
        lines.append("pages \(pages.count)")
        for page in pages { lines.append("p \(page.hash) \(page.source)") }
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            let stamp = entry.stamp
            let reads = pages.isEmpty ? nil : entry.reads
            let readField = reads.map { "r" + $0.map(String.init).joined(separator: ",") } ?? "-"
            lines.append("f \(entry.hash) \(entry.key.map(\.description) ?? "-") \(readField) \(stamp.size) \(stamp.inode) \(stamp.modified) \(stamp.changed) \(entry.kind.rawValue) \(path)")
        }
        let body = lines.joined(separator: "\n") + "\n"
        return body + "end \(ContentHash.of(body))\n"
    }

    /// Why a cache file was not used.
    enum Rejection: Error, Equatable {
        /// Written by another version of the format: expected after an upgrade, not worth a word.
        case otherVersion
        /// Damaged, truncated or not a manifest at all.
        case damaged(String)
    }

    static func decode(_ text: String) -> Result<BuildManifest, Rejection> { decode(Array(text.utf8)) }

    /// Reads the bytes ``encoded()`` wrote. Works on bytes: a manifest of a large site has tens of
    /// thousands of lines, and a build with nothing to do reads little else.
    static func decode(_ bytes: [UInt8]) -> Result<BuildManifest, Rejection> {
        bytes.withUnsafeBufferPointer { decode(ManifestBytes(bytes: $0)) }
    }
}

private extension BuildManifest {
    static func decode(_ input: ManifestBytes) -> Result<BuildManifest, Rejection> {
        var input = input
        guard input.bytes.starts(with: "copse-build-cache ".utf8) else { return .failure(.damaged("it is not a copse build cache")) }
        guard input.line() == "copse-build-cache \(formatVersion)" else { return .failure(.otherVersion) }
        // The last line: `end <hash of everything before it>`.
        let bytes = input.bytes
        guard bytes.last == UInt8(ascii: "\n"), bytes.count > 1,
              let start = bytes[..<(bytes.count - 1)].lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
              bytes[start...].starts(with: "end ".utf8),
              ContentHash(hex: Substring(String(decoding: bytes[(start + 4)..<(bytes.count - 1)], as: UTF8.self)))
                == ContentHash.of(UnsafeBufferPointer(rebasing: bytes[..<start]))
        else { return .failure(.damaged("it is truncated, or its checksum does not match")) }
        input.end = start
        func field(_ name: String) -> Substring? {
            guard let line = input.line(), line.hasPrefix(name + " ") else { return nil }
            return Substring(line.dropFirst(name.count + 1))
        }
        let program = field("program").flatMap(ContentHash.init(hex:))
        let inputs = field("inputs").flatMap(ContentHash.init(hex:))
        let site = field("site")
        let audit = field("audit").flatMap(ContentHash.init(hex:))
        let counts = field("pages")?.split(separator: " ") ?? []
        let quiet = field("quiet")
        let output = field("output")
        let pageTable = field("pages").flatMap { Int($0) }
        guard let program, let inputs, let site, site == "-" || ContentHash(hex: site) != nil, let audit, counts.count == 3,
              let pages = Int(counts[0]), let quiet, quiet == "0" || quiet == "1", let output, let pageTable, pageTable >= 0
        else { return .failure(.damaged("a field is missing or malformed")) }
        var table: [Page] = []
        for _ in 0..<pageTable {
            guard let line = input.line(), line.hasPrefix("p "), line.utf8.count > 35, line.utf8.dropFirst(34).first == UInt8(ascii: " "),
                  let hash = ContentHash(hex: Substring(line.dropFirst(2).prefix(32)))
            else { return .failure(.damaged("a page entry is malformed")) }
            table.append(Page(source: String(line.dropFirst(35)), hash: hash))
        }
        var files: [String: Entry] = [:]
        while !input.isAtEnd {
            guard let (path, entry) = input.entry(), entry.reads?.allSatisfy({ $0 >= 0 && $0 < table.count }) ?? true
            else { return .failure(.damaged("a file entry is malformed")) }
            files[path] = entry
        }
        return .success(BuildManifest(program: program, inputs: inputs, site: ContentHash(hex: site), pages: table,
                                      output: String(output), audit: audit, pageCount: pages,
                                      auditedPages: Int(counts[1]), auditedPassages: Int(counts[2]), quiet: quiet == "1",
                                      files: files))
    }
}

/// A cursor over a manifest's bytes.
private struct ManifestBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    lazy var end = bytes.count

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { mutating get { position >= end } }

    mutating func line() -> String? {
        guard position < end, let newline = bytes[position..<end].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        defer { position = newline + 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<newline]), as: UTF8.self)
    }

    /// `f <hash> <key or -> <r1,2,3 or -> <size> <inode> <modified> <changed> <kind> <path>`
    mutating func entry() -> (String, BuildManifest.Entry)? {
        guard word() == [UInt8(ascii: "f")], let high = hex(), let low = hex(), space() else { return nil }
        var key: ContentHash?
        if position < end, bytes[position] == UInt8(ascii: "-") {
            position += 1
        } else {
            guard let high = hex(), let low = hex() else { return nil }
            key = ContentHash(high: high, low: low)
        }
        guard space(), let reads = reads() else { return nil }
        guard space(),
              let size = number(), let inode = number(), let modified = number(), let changed = number(),
              position + 2 < end, let kind = BuildManifest.Entry.Kind(rawValue: String(UnicodeScalar(bytes[position]))),
              bytes[position + 1] == UInt8(ascii: " ")
        else { return nil }
        position += 2
        guard let newline = bytes[position..<end].firstIndex(of: UInt8(ascii: "\n")), newline > position else { return nil }
        let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<newline]), as: UTF8.self)
        position = newline + 1
        let stamp = FileStamp(size: Int64(bitPattern: size), inode: inode, modified: Int64(bitPattern: modified),
                              changed: Int64(bitPattern: changed), isFolder: kind == .folder)
        return (path, BuildManifest.Entry(hash: ContentHash(high: high, low: low), key: key, reads: reads, stamp: stamp,
                                          kind: kind))
    }

    /// `-` (nil), `r` (none) or `r1,2,3`; not followed by its space.
    mutating func reads() -> [Int]?? {
        guard position < end else { return nil }
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            return .some(nil)
        }
        guard bytes[position] == UInt8(ascii: "r") else { return nil }
        position += 1
        var list: [Int] = []
        while position < end, bytes[position] != UInt8(ascii: " ") {
            var value = 0
            let start = position
            while position < end, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9"), position - start < 9 {
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
            }
            guard position > start else { return nil }
            list.append(value)
            if position < end, bytes[position] == UInt8(ascii: ",") { position += 1 }
        }
        return .some(list)
    }

    mutating func word() -> ArraySlice<UInt8>? {
        let start = position
        while position < end, bytes[position] != UInt8(ascii: " "), bytes[position] != UInt8(ascii: "\n") { position += 1 }
        guard position < end, bytes[position] == UInt8(ascii: " ") else { return nil }
        defer { position += 1 }
        return Array(bytes[start..<position])[...]
    }

    /// 16 hexadecimal digits.
    mutating func hex() -> UInt64? {
        guard position + 16 <= end else { return nil }
        var value: UInt64 = 0
        for _ in 0..<16 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
            position += 1
        }
        return value
    }

    mutating func space() -> Bool {
        guard position < end, bytes[position] == UInt8(ascii: " ") else { return false }
        position += 1
        return true
    }

    /// A decimal number, optionally negative, then a space; as its bit pattern.
    mutating func number() -> UInt64? {
        var negative = false
        if position < end, bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let start = position
        var value: UInt64 = 0
        while position < end, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[position] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            position += 1
        }
        guard position > start, !negative || value <= UInt64(Int64.max), space() else { return nil }
        return negative ? UInt64(bitPattern: -Int64(bitPattern: value)) : value
    }
}
