import CopseCore
import Foundation

/// Writing the parse cache: one new pack for the pages that are not saved yet and those moved out
/// of packs being rewritten, then the index, renamed over the old one, then the files nothing
/// refers to any more are deleted. All under a lock file, so that two builds saving at once take
/// turns; a build reading while another saves may find a pack gone, and parses those pages again.
extension ParsedStore {
    /// At most this many packs: beyond it, all but the largest are merged into the new one.
    static let maximumPacks = 8
    /// Pages encoded at once (on all cores) before their bytes are written, which bounds the
    /// memory a save takes whatever the size of the site.
    static let batchSize = 256

    /// The packs whose saved pages move into the new pack: all of them once more than half of
    /// the bytes of the packs in use are dead (pages of files that changed or went); else, when
    /// there would be more than ``maximumPacks``, all but the largest. So a one-page edit writes
    /// one page, dead bytes never outweigh live ones for long, and the cost of merging is spread
    /// over many builds. Pages in packs gone from the disk (`present` false) cannot move: they
    /// are dropped, and parsed again by the next build.
    static func plan(_ index: ParsedIndex, saved: [ParsedIndex.Entry], fresh: Bool,
                     present: (ParsedIndex.Pack) -> Bool) -> (moved: Set<Int>, gone: Set<Int>) {
        var live: [Int: Int] = [:]
        for entry in saved { live[entry.pack, default: 0] += entry.length }
        let gone = Set(live.keys.filter { !present(index.packs[$0]) })
        let kept = live.keys.filter { !gone.contains($0) }
        let liveBytes = kept.reduce(0) { $0 + live[$1]! }
        let deadBytes = kept.reduce(0) { $0 + index.packs[$1].size - ParsedIndex.packMagic.count - live[$1]! }
        if deadBytes > liveBytes { return (Set(kept), gone) }
        guard kept.count + (fresh ? 1 : 0) > maximumPacks,
              let largest = kept.max(by: { index.packs[$0].size < index.packs[$1].size }) else { return ([], gone) }
        return (Set(kept).subtracting([largest]), gone)
    }

    /// Writes the new pack and index, over `index`; the new index, or nil when the cache could not
    /// be written.
    func write(saved: [ParsedIndex.Entry], fresh: [Fresh], over index: ParsedIndex) -> ParsedIndex? {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return nil
        }
        return try? FileLock(path: folder.appendingPathComponent(Self.lockName).path).withLock { () throws(WriteFailure) -> ParsedIndex? in
            let (moved, gone) = Self.plan(index, saved: saved, fresh: !fresh.isEmpty, present: isPresent)
            var next = ParsedIndex()
            next.entries.reserveCapacity(saved.count + fresh.count)
            var renumbered: [Int: Int] = [:]
            var moving: [ParsedIndex.Entry] = []
            for var entry in saved where !gone.contains(entry.pack) {
                guard !moved.contains(entry.pack) else {
                    moving.append(entry)
                    continue
                }
                if renumbered[entry.pack] == nil {
                    renumbered[entry.pack] = next.packs.count
                    next.packs.append(index.packs[entry.pack])
                }
                entry.pack = renumbered[entry.pack]!
                next.entries.append(entry)
            }
            var written: String?
            if !moving.isEmpty || !fresh.isEmpty {
                guard let (pack, entries) = writePack(moving: moving, from: index, fresh: fresh, number: next.packs.count) else {
                    return nil
                }
                next.packs.append(pack)
                next.entries += entries
                written = pack.name
            }
            guard writeIndex(next) else {
                // No index refers to the new pack: it goes, or every such build would leave one.
                if let written { unlink(folder.appendingPathComponent(written).path) }
                return nil
            }
            removeUnused(keeping: Set(next.packs.map(\.name)))
            return next
        }
    }
}

private extension ParsedStore {
    /// A new pack holding the `moving` pages' bytes, copied from their packs (checked against
    /// their checksums again; a page that fails is left out), then the `fresh` pages encoded;
    /// and their entries, as pack `number`. Nil when it could not be written.
    func writePack(moving: [ParsedIndex.Entry], from index: ParsedIndex, fresh: [Fresh],
                   number: Int) -> (ParsedIndex.Pack, [ParsedIndex.Entry])? {
        guard let file = AppendedFile(folder: folder) else { return nil }
        var entries: [ParsedIndex.Entry] = []
        entries.reserveCapacity(moving.count + fresh.count)
        var size = ParsedIndex.packMagic.count
        var chunk = ParsedIndex.packMagic
        var ok = true
        func add(_ bytes: [UInt8], as entry: ParsedIndex.Entry) {
            var entry = entry
            (entry.pack, entry.offset, entry.length) = (number, size, bytes.count)
            entries.append(entry)
            size += bytes.count
            chunk += bytes
            if chunk.count >= 1 << 20, ok {
                ok = file.append(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        var opened: [Int: PackFile?] = [:]
        for entry in moving.sorted(by: { ($0.pack, $0.offset) < ($1.pack, $1.offset) }) {
            if opened[entry.pack] == nil {
                let pack = index.packs[entry.pack]
                opened[entry.pack] = .some(PackFile(path: folder.appendingPathComponent(pack.name).path, size: pack.size))
            }
            guard let pack = opened[entry.pack] ?? nil, let bytes = pack.read(offset: entry.offset, length: entry.length),
                  Checksum64.of(bytes) == entry.checksum else { continue }
            add(bytes, as: entry)
        }
        for start in stride(from: 0, to: fresh.count, by: Self.batchSize) {
            let batch = Array(fresh[start..<min(start + Self.batchSize, fresh.count)])
            let encoded = batch.parallelMap { page -> ([UInt8], UInt64) in
                let bytes = PageCoding.encode(page.page, diagnostics: page.diagnostics)
                return (bytes, Checksum64.of(bytes))
            }
            for (page, (bytes, checksum)) in zip(batch, encoded) {
                add(bytes, as: ParsedIndex.Entry(key: page.key, pack: number, offset: size, length: bytes.count, checksum: checksum,
                                                 facet: page.facet))
            }
        }
        if ok, !chunk.isEmpty { ok = file.append(chunk) }
        let name = ParsedIndex.newPackName()
        guard ok, file.commit(as: folder.appendingPathComponent(name)) else {
            file.discard()
            return nil
        }
        return (ParsedIndex.Pack(name: name, size: size), entries)
    }

    func writeIndex(_ index: ParsedIndex) -> Bool {
        guard let file = AppendedFile(folder: folder) else { return false }
        guard file.append(index.encoded()), file.commit(as: folder.appendingPathComponent(Self.indexName)) else {
            file.discard()
            return false
        }
        return true
    }

    /// Every file of the folder but the index, the lock and the packs in use: old packs, and the
    /// temporary files of saves that died. (Saves take turns, so none is being written now.)
    func removeUnused(keeping packs: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name != Self.indexName && name != Self.lockName && !packs.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
