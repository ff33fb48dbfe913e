import CopseCore
import Foundation

/// The parse cache on disk, in `<cache>/parsed`: the pages of the last build that parsed, each
/// with its warnings, encoded by ``PageCoding``, in a few pack files (`pack-<hex>`), and an index
/// (``ParsedIndex``) of where each page is and what it was parsed from.
///
/// A build reads the index once (``begin()``), then each page's bytes on the thread that asks
/// for the page (``ParsedLookup``, ``PackFile``), checked against their checksum before they are
/// decoded. Anything wrong (a damaged, truncated, missing or foreign index or pack, a page that
/// does not decode) makes those pages misses, parsed again; never a wrong page.
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
    /// Set when this build's pages' HTML leaves memory (see ``PageHTML``): the pages it parses
    /// spill theirs to a file (``SpilledHTML``), and those read from a pack leave theirs there.
    let storedHTML: StoredHTMLReads?

    /// A page of this build that is not saved (or whose saved bytes were found damaged): the
    /// next save encodes it.
    struct Fresh: Sendable {
        let key: ParseCache.Key
        let page: ParsedPage
        let diagnostics: [Diagnostic]
        let facet: ContentHash
    }

    private let lock = NSLock()
    /// The index as read or last written; nil until the first build reads it.
    private var index: ParsedIndex?
    /// This build's look-ups, and the pages it parsed (or found in memory) that are not saved.
    private var current: ParsedLookup?
    private var fresh: [String: Fresh] = [:]
    private var earlierHits = 0
    private var spill: SpilledHTML?

    init(folder: URL, storedHTML: StoredHTMLReads? = nil) {
        self.folder = folder
        self.storedHTML = storedHTML
    }

    /// How many pages were read from the disk, by every build so far (for tests).
    var hitCount: Int { lock.withLock { earlierHits + (current?.readCount ?? 0) } }

    /// Starts a build: the look-ups its pages go through. Reads the index the first time.
    func begin() -> ParsedLookup {
        lock.withLock {
            if index == nil { index = loadIndex() }
            earlierHits += current?.readCount ?? 0
            let lookup = ParsedLookup(index: index ?? ParsedIndex(), folder: folder, storedHTML: storedHTML)
            current = lookup
            fresh = [:]
            if spill == nil { spill = storedHTML.flatMap { SpilledHTML(folder: folder, reads: $0) } }
            return lookup
        }
    }

    /// A page of this build that is not saved (parsed now, or found in memory but not on disk):
    /// the next save writes it. Only pages that parsed are kept.
    func keep(_ page: Checked<ParsedPage>, facet: ContentHash, key: ParseCache.Key) {
        guard let value = page.value else { return }
        let spill = lock.withLock { self.spill }
        spill?.spill(value.markdown.body)
        lock.withLock { fresh[key.contentPath] = Fresh(key: key, page: value, diagnostics: page.diagnostics, facet: facet) }
    }

    /// Saves this build's pages (see the type's comment). A cache that cannot be written costs the
    /// next build its shortcuts, nothing else. Called once a build's pages are all found
    /// (``ParseCache/endBuild()``), not during look-ups.
    func save() {
        let (index, saved, fresh) = lock.withLock { () -> (ParsedIndex, [ParsedIndex.Entry], [Fresh]) in
            defer { self.fresh = [:] }
            let fresh = Array(self.fresh.values)
            var saved = current?.used ?? []
            if !fresh.isEmpty {
                saved.removeAll { self.fresh[$0.contentPath] != nil }
            }
            return (current?.index ?? self.index ?? ParsedIndex(), saved, fresh)
        }
        guard !fresh.isEmpty || saved.count != index.entries.count || !index.packs.allSatisfy(isPresent) else { return }
        var clock = StageClock()
        let written = write(saved: saved, fresh: fresh, over: index)
        clock.lap("parse cache: save (\(fresh.count) new)")
        guard let written else { return }
        lock.withLock { self.index = written }
    }
}

private extension ParsedStore {
    /// The index on disk; an empty one when there is none, or it cannot be read or trusted.
    func loadIndex() -> ParsedIndex {
        var clock = StageClock()
        let url = folder.appendingPathComponent(Self.indexName)
        guard let bytes = FileBytes.read(url.path), case .success(let loaded) = ParsedIndex.decode(bytes) else { return ParsedIndex() }
        clock.lap("parse cache: read the index (\(loaded.entries.count) pages)")
        return loaded
    }
}

extension ParsedStore {
    /// The pack is still there, with the size it was written with.
    func isPresent(_ pack: ParsedIndex.Pack) -> Bool {
        FileStamp(path: folder.appendingPathComponent(pack.name).path)?.size == Int64(pack.size)
    }
}
