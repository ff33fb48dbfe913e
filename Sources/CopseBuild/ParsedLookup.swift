import CopseCore
import CopseMarkdown
import Foundation

/// One build's view of the parse cache on disk (``ParsedStore``): the index as the build found it,
/// its packs (opened once), and which of its pages the build used. Looked up from every parsing
/// thread without a lock: all but the marks is fixed, and each page's mark is written only by the
/// thread that looks that page up (a build looks each file up once).
final class ParsedLookup: @unchecked Sendable {
    let index: ParsedIndex
    private let byPath: [String: Int]
    private let packs: [PackFile?]
    /// One per entry: 0 not used by this build, 1 used (its page was found in memory), 2 read.
    private let marks: UnsafeMutableBufferPointer<UInt8>
    /// Set when the pages' HTML stays in the packs, read back when asked for (see ``PageHTML``).
    private let storedHTML: StoredHTMLReads?

    init(index: ParsedIndex, folder: URL, storedHTML: StoredHTMLReads? = nil) {
        self.index = index
        self.storedHTML = storedHTML
        byPath = Dictionary(index.entries.enumerated().map { ($1.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
        packs = index.packs.map { PackFile(path: folder.appendingPathComponent($0.name).path, size: $0.size) }
        marks = .allocate(capacity: index.entries.count)
        marks.initialize(repeating: 0)
    }

    deinit { marks.deallocate() }

    /// The saved page of `key`, when there is one and its bytes are whole.
    func page(_ key: ParseCache.Key) -> ParseCache.Parsed? {
        guard let position = position(of: key) else { return nil }
        let entry = index.entries[position]
        let identity = key.htmlIdentity
        guard let pack = packs[entry.pack],
              let page = pack.withBytes(offset: entry.offset, length: entry.length, { bytes in
                  Checksum64.of(bytes) == entry.checksum ? PageCoding.decode(bytes, html: html(of: entry, in: pack, identity: identity)) : nil
              }),
              page.value?.source == key.source, page.value?.contentPath == key.contentPath else { return nil }
        marks[position] = 2
        return ParseCache.Parsed(page: page, facet: entry.facet)
    }

    /// Marks the saved page of `key` as used (its page was found elsewhere); false when there is
    /// none, and the page must be saved again.
    func markUsed(_ key: ParseCache.Key) -> Bool {
        guard let position = position(of: key) else { return false }
        if marks[position] == 0 { marks[position] = 1 }
        return true
    }

    /// The entries this build used (once its look-ups are over).
    var used: [ParsedIndex.Entry] { marks.indices.compactMap { marks[$0] == 0 ? nil : index.entries[$0] } }

    /// How many pages were read from the disk.
    var readCount: Int { marks.count { $0 == 2 } }
}

private extension ParsedLookup {
    /// How the HTML of the page at `entry` is read: left in the pack when the build stores HTML,
    /// else decoded.
    func html(of entry: ParsedIndex.Entry, in pack: PackFile, identity: HTMLIdentity) -> ByteReader.HTMLReading {
        guard let storedHTML else { return ByteReader.htmlInMemory(identity: identity) }
        return { reader throws(ByteReader.Damaged) in
            let count = try reader.count()
            let start = reader.position
            _ = try reader.slice(count)
            let stored = PackHTML(pack: pack, offset: entry.offset, length: entry.length, checksum: entry.checksum,
                                  html: start..<(start + count), reads: storedHTML)
            return PageHTML(stored: stored, identity: identity)
        }
    }

    func position(of key: ParseCache.Key) -> Int? {
        guard let position = byPath[key.contentPath], index.entries[position].matches(key) else { return nil }
        return position
    }
}
