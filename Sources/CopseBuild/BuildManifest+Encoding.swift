import CopseCore
import Foundation

extension BuildManifest {
    /// The text written to disk: a header line, one line per field, one per file, and a last line
    /// holding the checksum of all before it (see ``checksum(_:)``), so that a truncated or
    /// damaged file is never trusted. Made byte by byte: a large site's manifest has tens of
    /// thousands of lines. `previous`: the last manifest, as read: a file line whose entry is
    /// unchanged is copied from it.
    func encoded(previous: BuildManifest? = nil) -> [UInt8] {
        var all: [UInt8] = []
        _ = write(previous: previous) { bytes in
            all.append(contentsOf: bytes)
            return true
        }
        return all
    }

    /// The bytes of ``encoded(previous:)``, handed to `emit` a piece at a time as they are made,
    /// so that a large site's manifest (megabytes) is never whole in memory; false when `emit`
    /// failed (it is not called again).
    func write(previous: BuildManifest? = nil, to emit: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var sink = ChecksummedText()
        var out = ManifestWriter()
        out.text("copse-build-cache "); out.number(Int64(Self.formatVersion)); out.newline()
        out.text("program "); out.hash(program); out.newline()
        out.text("inputs "); out.hash(inputs); out.newline()
        out.text("site "); out.hash(site); out.newline()
        out.text("audit "); out.hash(audit); out.newline()
        out.text("pages "); out.number(Int64(pageCount)); out.space(); out.number(auditedPages); out.space()
        out.number(auditedPassages); out.newline()
        out.text("quiet "); out.number(Int64(quiet ? 1 : 0)); out.newline()
        out.text("output "); out.text(output); out.newline()
        // A listing that cannot be written whole vouches for no spare.
        let spare = self.spare.flatMap { spare in
            spare.missing.contains(where: ManifestWriter.hasNewline) || spare.extra.contains { ManifestWriter.hasNewline($0.path) } ? nil : spare
        }
        out.text("spare "); out.hash(spare?.folderHash); out.newline()
        // A page with a newline in its path cannot be recorded: no file's reads can name it, so
        // the manifest is written without pages (every file is then made again next time).
        let pages = self.pages.contains { ManifestWriter.hasNewline($0.source) } ? [] : self.pages
        out.text("pages "); out.number(Int64(pages.count)); out.newline()
        for page in pages {
            out.text("p "); out.hash(page.hash); out.space(); out.text(page.source); out.newline()
            sink.pass(&out, emit, atLeast: Self.checksumBlock)
        }
        sink.pass(&out, emit)
        // The files' lines, tens of thousands of them: made a batch at a time on each core.
        let batches = stride(from: 0, to: files.count, by: Self.fileBatch).map { $0..<min($0 + Self.fileBatch, files.count) }
        let withPages = !pages.isEmpty
        let kept = previous.flatMap { previous in
            previous.lines.withReads == withPages && previous.lines.ranges.count == previous.files.count
                && !previous.files.isEmpty ? (previous.files, previous.lines) : nil
        }
        for first in stride(from: 0, to: batches.count, by: 2) {
            let together = Array(batches[first..<min(first + 2, batches.count)])
            for lines in together.parallelMap({ range in ManifestWriter.lines(files[range], withReads: withPages, kept: kept) }) {
                out.bytes = lines
                sink.pass(&out, emit)
            }
        }
        for path in spare?.missing ?? [] {
            out.text("m "); out.text(path); out.newline()
        }
        for extra in spare?.extra ?? [] {
            out.text(extra.isFolder ? "x d " : "x f "); out.text(extra.path); out.newline()
        }
        sink.pass(&out, emit)
        return sink.finish(emit)
    }

    /// The checksum on a manifest's last line, of the `bytes` before it: taken a block of
    /// ``checksumBlock`` bytes at a time (the last block may be shorter), so that it can be
    /// worked out while the manifest is written.
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> ContentHash {
        var hasher = Hasher128()
        for start in stride(from: 0, to: bytes.count, by: checksumBlock) {
            hasher.add(UnsafeBufferPointer(rebasing: bytes[start..<min(start + checksumBlock, bytes.count)]))
        }
        return hasher.finish()
    }

    static let checksumBlock = 1 << 16
    /// File lines made at once on one core: about 200 bytes each.
    static let fileBatch = 2048
}

/// The manifest's bytes on their way out, checksummed as they pass (see
/// ``BuildManifest/checksum(_:)``): held only until a whole block can be checksummed.
private struct ChecksummedText {
    private var pending: [UInt8] = []
    private var hasher = Hasher128()
    private var failed = false

    /// Takes the bytes `out` holds (it is left empty) once it holds `atLeast` of them; each whole
    /// block is checksummed and handed to `emit`.
    mutating func pass(_ out: inout ManifestWriter, _ emit: (UnsafeBufferPointer<UInt8>) -> Bool, atLeast: Int = 0) {
        guard out.bytes.count >= atLeast, !out.bytes.isEmpty else { return }
        guard !failed else { return out.bytes.removeAll(keepingCapacity: true) }
        if pending.isEmpty { swap(&pending, &out.bytes) } else { pending.append(contentsOf: out.bytes) }
        out.bytes.removeAll(keepingCapacity: true)
        let block = BuildManifest.checksumBlock
        let whole = pending.count - pending.count % block
        guard whole > 0 else { return }
        pending.withUnsafeBufferPointer { bytes in
            for start in stride(from: 0, to: whole, by: block) {
                hasher.add(UnsafeBufferPointer(rebasing: bytes[start..<(start + block)]))
            }
            failed = !emit(UnsafeBufferPointer(rebasing: bytes[..<whole]))
        }
        pending.removeFirst(whole)
    }

    /// Hands over the rest and the last line, with the checksum; false when any `emit` failed.
    mutating func finish(_ emit: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard !failed else { return false }
        if !pending.isEmpty { hasher.add(pending) }
        var out = ManifestWriter()
        out.text("end "); out.hash(hasher.finish()); out.newline()
        pending.append(contentsOf: out.bytes)
        return pending.withUnsafeBufferPointer { emit($0) }
    }
}

/// Text appended as bytes, without String formatting: each number and hash is formatted in a
/// small buffer on the stack and appended whole.
private struct ManifestWriter {
    var bytes: [UInt8] = []

    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func space() { bytes.append(UInt8(ascii: " ")) }

    mutating func kind(_ kind: BuildManifest.Entry.Kind) {
        switch kind {
        case .generated: bytes.append(UInt8(ascii: "g"))
        case .copied: bytes.append(UInt8(ascii: "s"))
        case .folder: bytes.append(UInt8(ascii: "d"))
        }
    }

    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// One line per file (`f ...`), but for a file whose path holds a newline; each file's reads
    /// only `withReads`.
    static func lines(_ files: ArraySlice<BuildManifest.Entry>, withReads: Bool,
                      kept: ([BuildManifest.Entry], BuildManifest.FileLines)? = nil) -> [UInt8] {
        var out = ManifestWriter()
        out.bytes.reserveCapacity(files.count * 230)
        for (index, entry) in zip(files.indices, files) where !hasNewline(entry.path) {
            if let (entries, lines) = kept, index < entries.count, entries[index] == entry {
                out.bytes.append(contentsOf: lines.bytes[lines.ranges[index]])
                continue
            }
            out.text("f "); out.hash(entry.hash); out.space(); out.hash(entry.key); out.space()
            if let reads = withReads ? entry.reads : nil {
                out.text("r")
                for (position, page) in reads.enumerated() {
                    if position > 0 { out.text(",") }
                    out.number(Int64(page))
                }
            } else {
                out.text("-")
            }
            let stamp = entry.stamp
            out.space(); out.number(stamp.size); out.space(); out.number(stamp.inode); out.space(); out.number(stamp.modified)
            out.space(); out.number(stamp.changed); out.space(); out.kind(entry.kind); out.space(); out.text(entry.path)
            out.newline()
        }
        return out.bytes
    }

    /// A line of the manifest cannot hold it.
    static func hasNewline(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\n")), bytes.count) != nil } ?? false }
    }

    /// 32 hexadecimal digits, or `-` for none.
    mutating func hash(_ hash: ContentHash?) {
        guard let hash else { return bytes.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digits in
            Self.hex(hash.high, into: digits, at: 0)
            Self.hex(hash.low, into: digits, at: 16)
            bytes.append(contentsOf: UnsafeBufferPointer(digits))
        }
    }

    static func hex(_ value: UInt64, into digits: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        for index in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
            digits[offset + index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
    }

    /// Decimal, or `-` for none.
    mutating func number(_ value: Int?) {
        guard let value else { return bytes.append(UInt8(ascii: "-")) }
        number(Int64(value))
    }

    mutating func number(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        number(value.magnitude)
    }

    mutating func number(_ value: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            var rest = value
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
