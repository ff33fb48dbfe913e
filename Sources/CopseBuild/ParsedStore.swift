import CopseCore
import Foundation

/// The parse cache on disk, in `<cache>/parsed`: the pages of the last build that parsed, each
/// with its warnings, encoded by ``PageCoding``, in a few pack files (`pack-<hex>`), and an index
/// (``ParsedIndex``) of where each page is and what it was parsed from.
///
/// A build reads the index once, then each page's bytes on the thread that asks for the page
/// (see ``PackFile``), checked against their checksum before they are decoded. Anything wrong
/// (a damaged, truncated, missing or foreign index or pack, a page that does not decode) makes
/// those pages misses, parsed again; never a wrong page.
///
/// Saving (``save()``) writes the pages parsed in this build to one new pack and a new index;
/// packs are never changed once written, so a build after a one-page edit writes that page and
/// the index, not the whole cache. Pages of files that are gone, or that changed, leave dead
/// bytes behind in their pack: see ``plan(_:saved:fresh:present:)`` for when packs are
/// rewritten.
final class ParsedStore: @unchecked Sendable {
    static let folderName = "parsed"
    static let indexName = "index"
    static let lockName = "lock"

    let folder: URL

    /// A page of this build that is not saved (or whose saved bytes were found damaged): the
    /// next save encodes it.
    struct Fresh: Sendable {
        let key: ParseCache.Key
        let page: ParsedPage
        let diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    /// The index as read or last written; nil until the first look-up.
    private var index: ParsedIndex?
    private var byPath: [String: Int] = [:]
    /// Each pack once opened; nil for a pack that could not be opened (or is not that pack).
    private var packs: [Int: PackFile?] = [:]
    /// The pages of this build, by content path: those saved (where), and the others.
    private var saved: [String: ParsedIndex.Entry] = [:]
    private var fresh: [String: Fresh] = [:]
    private var hits = 0

    init(folder: URL) { self.folder = folder }

    /// How many pages were read from the disk (for tests).
    var hitCount: Int { lock.withLock { hits } }

    /// The saved page of `key`, when there is one and its bytes are whole.
    func page(_ key: ParseCache.Key) -> Checked<ParsedPage>? {
        let found = lock.withLock { () -> (ParsedIndex.Entry, PackFile)? in
            guard let entry = entry(key), let pack = pack(entry.pack) else { return nil }
            return (entry, pack)
        }
        guard let (entry, pack) = found, let bytes = pack.read(offset: entry.offset, length: entry.length),
              ContentHash.of(bytes) == entry.checksum, let page = PageCoding.decode(bytes),
              page.value?.source == key.source, page.value?.contentPath == key.contentPath else { return nil }
        lock.withLock {
            saved[key.contentPath] = entry
            fresh[key.contentPath] = nil
            hits += 1
        }
        return page
    }

    /// A page of this build parsed now (`parsed`), or found in memory: kept for the next save,
    /// which writes it unless it is saved already. (A page parsed now is written even when the
    /// index has its key: its saved bytes were found damaged.) Only pages that parsed are kept.
    func keep(_ page: Checked<ParsedPage>, key: ParseCache.Key, parsed: Bool) {
        lock.withLock {
            if !parsed, let entry = entry(key) {
                saved[key.contentPath] = entry
                fresh[key.contentPath] = nil
            } else if let value = page.value {
                fresh[key.contentPath] = Fresh(key: key, page: value, diagnostics: page.diagnostics)
                saved[key.contentPath] = nil
            }
        }
    }

    /// Saves this build's pages (see the type's comment), then starts the next build's list.
    /// A cache that cannot be written costs the next build its shortcuts, nothing else. Called
    /// once a build's pages are all found (``ParseCache/endBuild()``), not during look-ups.
    func save() {
        let (index, saved, fresh) = lock.withLock { () -> (ParsedIndex, [ParsedIndex.Entry], [Fresh]) in
            defer { (self.saved, self.fresh, packs) = ([:], [:], [:]) }
            return (self.index ?? ParsedIndex(), Array(self.saved.values), Array(self.fresh.values))
        }
        guard !fresh.isEmpty || saved.count != index.entries.count || !packsPresent(index) else { return }
        var clock = StageClock()
        let written = write(saved: saved, fresh: fresh, over: index)
        clock.lap("parse cache: save (\(fresh.count) new)")
        guard let written else { return }
        lock.withLock {
            self.index = written
            byPath = Dictionary(uniqueKeysWithValues: written.entries.enumerated().map { ($1.key.contentPath, $0) })
            packs = [:]
        }
    }
}

private extension ParsedStore {
    /// The saved entry of `key`; reads the index first when it was not read. Under the lock.
    func entry(_ key: ParseCache.Key) -> ParsedIndex.Entry? {
        if index == nil { loadIndex() }
        guard let position = byPath[key.contentPath], let entry = index?.entries[position], entry.key == key else { return nil }
        return entry
    }

    func loadIndex() {
        var clock = StageClock()
        defer { clock.lap("parse cache: read the index (\(index?.entries.count ?? 0) pages)") }
        let url = folder.appendingPathComponent(Self.indexName)
        guard let data = FileManager.default.contents(atPath: url.path),
              case .success(let loaded) = ParsedIndex.decode([UInt8](data)) else {
            index = ParsedIndex()
            return
        }
        index = loaded
        byPath = Dictionary(uniqueKeysWithValues: loaded.entries.enumerated().map { ($1.key.contentPath, $0) })
    }

    /// Pack `number`, opened the first time; nil when it cannot be opened or is not the pack the
    /// index describes. Under the lock.
    func pack(_ number: Int) -> PackFile? {
        if let pack = packs[number] { return pack }
        guard let pack = index?.packs[number] else { return nil }
        let file = PackFile(path: folder.appendingPathComponent(pack.name).path, size: pack.size)
        packs[number] = .some(file)
        return file
    }

    /// Every pack the index names is still there, with its size.
    func packsPresent(_ index: ParsedIndex) -> Bool { index.packs.allSatisfy(isPresent) }
}

extension ParsedStore {
    /// The pack is still there, with the size it was written with.
    func isPresent(_ pack: ParsedIndex.Pack) -> Bool {
        FileStamp(path: folder.appendingPathComponent(pack.name).path)?.size == Int64(pack.size)
    }
}
