/// The parse cache's index (`parsed/index`): which packs the saved pages are in, and for each page
/// its key and where its bytes are. A page's bytes are checked against their checksum before
/// they are decoded, and the index itself ends with the checksum of everything before it.
struct ParsedIndex: Equatable, Sendable {
    /// One pack file, with the size it had when it was written (another size: not that file).
    struct Pack: Equatable, Sendable {
        var name: String
        var size: Int
    }

    /// One saved page: what it was parsed from (``ParseCache/Key``) and where its bytes are.
    struct Entry: Equatable, Sendable {
        var contentPath: String
        /// Nil for `content/` followed by the content path (every page of a build): so reading
        /// the index makes one string per page, not two.
        var otherSource: String?
        var bytes: ContentHash
        var unsafeHTML: Bool
        /// Index into ``packs``.
        var pack: Int
        var offset: Int
        var length: Int
        /// ``Checksum64`` of the page's bytes.
        var checksum: UInt64
        /// The page's ``PageFacet``: a build that finds the page here need not read its file.
        var facet: ContentHash

        init(contentPath: String, otherSource: String?, bytes: ContentHash, unsafeHTML: Bool, pack: Int, offset: Int,
             length: Int, checksum: UInt64, facet: ContentHash) {
            self.contentPath = contentPath
            self.otherSource = otherSource
            self.bytes = bytes
            self.unsafeHTML = unsafeHTML
            self.pack = pack
            self.offset = offset
            self.length = length
            self.checksum = checksum
            self.facet = facet
        }

        init(key: ParseCache.Key, pack: Int, offset: Int, length: Int, checksum: UInt64, facet: ContentHash) {
            self.init(contentPath: key.contentPath, otherSource: key.isInContent ? nil : key.source, bytes: key.bytes,
                      unsafeHTML: key.unsafeHTML, pack: pack, offset: offset, length: length, checksum: checksum, facet: facet)
        }

        var key: ParseCache.Key {
            get { ParseCache.Key(source: otherSource ?? ParseCache.Key.contentFolder + contentPath, contentPath: contentPath,
                                 bytes: bytes, unsafeHTML: unsafeHTML) }
            set { self = Entry(key: newValue, pack: pack, offset: offset, length: length, checksum: checksum, facet: facet) }
        }

        /// The page of `key` is this one.
        func matches(_ key: ParseCache.Key) -> Bool {
            bytes == key.bytes && unsafeHTML == key.unsafeHTML && contentPath == key.contentPath
                && (otherSource.map { $0 == key.source } ?? key.isInContent)
        }

        var end: Int { offset + length }
    }

    var packs: [Pack] = []
    var entries: [Entry] = []

    /// Written and checked first: the format, what copse wrote it and for which format of pages
    /// (``BuildFingerprint/program``, ``PageCoding/fingerprint``). Another stamp: not read.
    static let stamp: ContentHash = {
        var hasher = Hasher128()
        hasher.add("copse parsed index \(formatVersion)")
        hasher.add(BuildFingerprint.program)
        hasher.add(PageCoding.fingerprint)
        return hasher.finish()
    }()

    /// Bumped whenever what the index or a pack holds changes (a page's own bytes: see
    /// ``PageCoding/formatVersion``).
    static let formatVersion = 2

    static let magic = Array("copse-parsed-index\n".utf8)
    static let packMagic = Array("copse-parsed-pack\n".utf8)

    /// Why an index was not used.
    enum Rejection: Error, Equatable {
        /// Written by another copse or for another format: expected after an upgrade.
        case otherStamp
        /// Truncated, damaged, or not an index at all.
        case damaged
    }

    func encoded(stamp: ContentHash = Self.stamp) -> [UInt8] {
        var writer = ByteWriter(capacity: 64 + entries.count * 160)
        writer.raw(Self.magic)
        writer.hash(stamp)
        writer.list(packs) { writer, pack in
            writer.string(pack.name)
            writer.count(pack.size)
        }
        writer.list(entries) { writer, entry in
            writer.string(entry.contentPath)
            writer.optional(entry.otherSource) { $0.string($1) }
            writer.hash(entry.bytes)
            writer.bool(entry.unsafeHTML)
            writer.count(entry.pack)
            writer.count(entry.offset)
            writer.count(entry.length)
            writer.fixed(entry.checksum)
            writer.hash(entry.facet)
        }
        writer.hash(ContentHash.of(writer.bytes))
        return writer.bytes
    }

    /// The index `encoded(stamp:)` wrote, when its checksum holds, its stamp is `stamp`, and every
    /// entry lies within its pack (and no two entries share a content path).
    static func decode(_ bytes: [UInt8], stamp: ContentHash = Self.stamp) -> Result<ParsedIndex, Rejection> {
        bytes.withUnsafeBytes { raw in
            guard raw.count >= magic.count + 32, raw.starts(with: magic) else { return .failure(.damaged) }
            let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 16)])
            var trailer = ByteReader(UnsafeRawBufferPointer(rebasing: raw[(raw.count - 16)...]))
            guard let checksum = try? trailer.hash(), checksum == ContentHash.of(body.assumingMemoryBound(to: UInt8.self)) else {
                return .failure(.damaged)
            }
            var reader = ByteReader(body)
            do throws(ByteReader.Damaged) {
                try reader.expect(magic)
                guard try reader.hash() == stamp else { return .failure(.otherStamp) }
                return try reader.index().map { .success($0) } ?? .failure(.damaged)
            } catch {
                return .failure(.damaged)
            }
        }
    }
}

private extension ByteReader {
    mutating func index() throws(Damaged) -> ParsedIndex? {
        let packs = try list { reader throws(Damaged) in try ParsedIndex.Pack(name: reader.string(), size: reader.natural()) }
        var paths = Set<String>()
        let entries = try list { reader throws(Damaged) -> ParsedIndex.Entry in
            let contentPath = try reader.string()
            let entry = try ParsedIndex.Entry(
                contentPath: contentPath, otherSource: reader.optional { reader throws(Damaged) in try reader.string() },
                bytes: reader.hash(), unsafeHTML: reader.bool(), pack: reader.natural(), offset: reader.natural(),
                length: reader.natural(), checksum: reader.fixed(), facet: reader.hash())
            guard entry.pack < packs.count, entry.offset >= ParsedIndex.packMagic.count,
                  entry.length <= packs[entry.pack].size - entry.offset, paths.insert(contentPath).inserted
            else { throw Damaged() }
            return entry
        }
        guard isAtEnd, Set(packs.map(\.name)).count == packs.count,
              packs.allSatisfy({ ParsedIndex.isPackName($0.name) }) else { return nil }
        return ParsedIndex(packs: packs, entries: entries)
    }
}

extension ParsedIndex {
    /// `pack-` and 16 hexadecimal digits: a name that never leaves the folder.
    static func isPackName(_ name: String) -> Bool {
        name.utf8.count == 21 && name.hasPrefix("pack-") && name.utf8.dropFirst(5).allSatisfy {
            ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
        }
    }

    static func newPackName() -> String {
        let digits = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return "pack-" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension ParseCache.Key {
    static let contentFolder = "content/"

    /// The source is `content/` followed by the content path, as for every page of a build.
    var isInContent: Bool {
        var source = source, path = contentPath, folder = Self.contentFolder
        return source.withUTF8 { source in
            path.withUTF8 { path in
                folder.withUTF8 { folder in
                    source.count == folder.count + path.count
                        && UnsafeBufferPointer(rebasing: source[..<folder.count]).elementsEqual(folder)
                        && UnsafeBufferPointer(rebasing: source[folder.count...]).elementsEqual(path)
                }
            }
        }
    }
}
