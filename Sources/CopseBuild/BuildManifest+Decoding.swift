import Foundation

extension BuildManifest {
    /// Reads the bytes ``encoded()`` wrote. Works on bytes: a manifest of a large site has tens of
    /// thousands of lines, and a build with nothing to do reads little else.
    static func decode(_ bytes: [UInt8]) -> Result<BuildManifest, Rejection> {
        bytes.withUnsafeBufferPointer { decode(ManifestReader(bytes: $0)) }.map { read in
            var manifest = read.manifest
            manifest.lines = FileLines(bytes: bytes, ranges: read.lines, withReads: !manifest.pages.isEmpty)
            return manifest
        }
    }
}

private extension BuildManifest {
    /// The manifest, and where each of its file lines is in the bytes.
    static func decode(_ input: ManifestReader) -> Result<(manifest: BuildManifest, lines: [Range<Int>]), Rejection> {
        var input = input
        guard input.skip("copse-build-cache ") else { return .failure(.damaged("it is not a copse build cache")) }
        guard input.number() == UInt64(formatVersion), input.newline() else { return .failure(.otherVersion) }
        // The last line: `end <hash of everything before it>`.
        let bytes = input.bytes
        guard bytes.last == UInt8(ascii: "\n"), bytes.count > 1,
              let start = bytes[..<(bytes.count - 1)].lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }) else {
            return .failure(.damaged("it is truncated, or its checksum does not match"))
        }
        var last = input
        last.position = start
        guard last.skip("end "), let checksum = last.hash(), last.newline(), last.isAtEnd,
              checksum == Self.checksum(UnsafeBufferPointer(rebasing: bytes[..<start]))
        else { return .failure(.damaged("it is truncated, or its checksum does not match")) }
        input.end = start
        guard let header = input.header() else { return .failure(.damaged("a field is missing or malformed")) }
        var table: [Page] = []
        table.reserveCapacity(header.pageTable)
        for _ in 0..<header.pageTable {
            guard input.skip("p "), let hash = input.hash(), input.space(), let source = input.rest(), !source.isEmpty
            else { return .failure(.damaged("a page entry is malformed")) }
            table.append(Page(source: source, hash: hash))
        }
        var files: [Entry] = []
        var lines: [Range<Int>] = []
        // About 200 bytes a line.
        files.reserveCapacity((input.end - input.position) / 160)
        lines.reserveCapacity((input.end - input.position) / 160)
        var lineStart = input.position
        while input.skip("f ") {
            guard let entry = input.entry(), entry.reads?.allSatisfy({ $0 >= 0 && $0 < table.count }) ?? true
            else { return .failure(.damaged("a file entry is malformed")) }
            files.append(entry)
            lines.append(lineStart..<input.position)
            lineStart = input.position
        }
        var spare = header.spare.map { Spare(folderHash: $0, missing: [], extra: []) }
        while input.skip("m ") {
            guard spare != nil, let path = input.rest(), !path.isEmpty else { return .failure(.damaged("a spare entry is malformed")) }
            spare?.missing.append(path)
        }
        while input.skip("x ") {
            let isFolder = input.skip("d ")
            guard spare != nil, isFolder || input.skip("f "), let path = input.rest(), !path.isEmpty
            else { return .failure(.damaged("a spare entry is malformed")) }
            spare?.extra.append(Spare.Extra(path: path, isFolder: isFolder))
        }
        guard input.isAtEnd else { return .failure(.damaged("a line is malformed")) }
        return .success((BuildManifest(program: header.program, inputs: header.inputs, site: header.site, pages: table,
                                       output: header.output, audit: header.audit, pageCount: header.pageCount,
                                       auditedPages: header.auditedPages, auditedPassages: header.auditedPassages,
                                       quiet: header.quiet, files: files, spare: spare), lines))
    }
}

/// A cursor over a manifest's bytes.
private struct ManifestReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
    }

    var isAtEnd: Bool { position >= end }

    /// The fields between the first line and the page table.
    struct Header {
        var program, inputs, audit: ContentHash
        var site: ContentHash?
        var pageCount: Int
        var auditedPages, auditedPassages: Int?
        var quiet: Bool
        var output: String
        var spare: ContentHash?
        var pageTable: Int
    }

    mutating func header() -> Header? {
        guard skip("program "), let program = hash(), newline(),
              skip("inputs "), let inputs = hash(), newline(),
              skip("site "), let site = optionalHash(), newline(),
              skip("audit "), let audit = hash(), newline(),
              skip("pages "), let pageCount = number(), space(), let auditedPages = optionalNumber(), space(),
              let auditedPassages = optionalNumber(), newline(),
              skip("quiet "), position < end, bytes[position] == UInt8(ascii: "0") || bytes[position] == UInt8(ascii: "1")
        else { return nil }
        let quiet = bytes[position] == UInt8(ascii: "1")
        position += 1
        guard newline(), skip("output "), let output = rest(), skip("spare "), let spare = optionalHash(), newline(),
              skip("pages "), let pageTable = number(), newline(),
              pageCount <= UInt64(Int.max), pageTable <= UInt64(Int.max)
        else { return nil }
        return Header(program: program, inputs: inputs, audit: audit, site: site, pageCount: Int(pageCount),
                      auditedPages: auditedPages.map { Int($0) }, auditedPassages: auditedPassages.map { Int($0) },
                      quiet: quiet, output: output, spare: spare, pageTable: Int(pageTable))
    }

    /// `<hash> <key or -> <r1,2,3 or -> <size> <inode> <modified> <changed> <kind> <path>` (after `f `)
    mutating func entry() -> BuildManifest.Entry? {
        guard let hash = hash(), space(), let key = optionalHash(), space(), let reads = reads(), space(),
              let size = signed(), space(), let inode = number(), space(), let modified = signed(), space(),
              let changed = signed(), space(), let kind = kind(), space(), let path = rest(), !path.isEmpty
        else { return nil }
        let stamp = FileStamp(size: size, inode: inode, modified: modified, changed: changed, isFolder: kind == .folder)
        return BuildManifest.Entry(path: path, hash: hash, key: key, reads: reads, stamp: stamp, kind: kind)
    }

    /// `g`, `s` or `d`.
    mutating func kind() -> BuildManifest.Entry.Kind? {
        guard position < end else { return nil }
        let kind: BuildManifest.Entry.Kind
        switch bytes[position] {
        case UInt8(ascii: "g"): kind = .generated
        case UInt8(ascii: "s"): kind = .copied
        case UInt8(ascii: "d"): kind = .folder
        default: return nil
        }
        position += 1
        return kind
    }

    /// The text up to the end of the line, and past it.
    mutating func rest() -> String? {
        guard position < end, let base = bytes.baseAddress,
              let found = memchr(base + position, Int32(UInt8(ascii: "\n")), end - position) else { return nil }
        let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
        let line = UnsafeBufferPointer(rebasing: bytes[position..<newline])
        position = newline + 1
        return String(decoding: line, as: UTF8.self)
    }

    /// `-` (nil), `r` (none) or `r1,2,3`.
    mutating func reads() -> [Int]?? {
        guard position < end else { return nil }
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            return .some(nil)
        }
        guard bytes[position] == UInt8(ascii: "r") else { return nil }
        position += 1
        var list: [Int] = []
        guard position < end, bytes[position] != UInt8(ascii: " ") else { return .some(list) }
        repeat {
            guard let value = number(), value < 1_000_000_000 else { return nil }
            list.append(Int(value))
        } while skip(",")
        return .some(list)
    }

    /// 32 hexadecimal digits.
    mutating func hash() -> ContentHash? {
        guard let high = hex(), let low = hex() else { return nil }
        return ContentHash(high: high, low: low)
    }

    /// A hash, or `-` for none.
    mutating func optionalHash() -> ContentHash?? {
        if skip("-") { return .some(nil) }
        return hash().map { .some($0) }
    }

    /// 16 hexadecimal digits (lower case).
    mutating func hex() -> UInt64? {
        guard end - position >= 16 else { return nil }
        var value: UInt64 = 0
        var invalid: UInt8 = 0
        for offset in position..<(position + 16) {
            let byte = bytes[offset]
            // 0-9 and a-f to 0-15; anything else sets the top bit of `invalid`.
            let digit = byte &- UInt8(ascii: "0")
            let letter = byte &- UInt8(ascii: "a")
            let nibble = digit < 10 ? digit : letter < 6 ? letter &+ 10 : 0x80
            invalid |= nibble
            value = value << 4 | UInt64(nibble & 0xF)
        }
        guard invalid & 0x80 == 0 else { return nil }
        position += 16
        return value
    }

    /// Decimal digits (at least one).
    mutating func number() -> UInt64? {
        let start = position
        var value: UInt64 = 0
        while position < end, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[position] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            position += 1
        }
        return position > start ? value : nil
    }

    /// A number, or `-` for none.
    mutating func optionalNumber() -> UInt64?? {
        if skip("-") { return .some(nil) }
        return number().map { .some($0) }
    }

    /// A decimal number, perhaps negative.
    mutating func signed() -> Int64? {
        let negative = skip("-")
        guard let magnitude = number(), magnitude <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(magnitude) : Int64(magnitude)
    }

    mutating func space() -> Bool { skip(" ") }

    mutating func newline() -> Bool { skip("\n") }

    /// Steps over `text` when the bytes at the cursor are exactly it.
    mutating func skip(_ text: StaticString) -> Bool {
        text.withUTF8Buffer { text in
            guard end - position >= text.count, UnsafeBufferPointer(rebasing: bytes[position..<(position + text.count)]).elementsEqual(text)
            else { return false }
            position += text.count
            return true
        }
    }
}
