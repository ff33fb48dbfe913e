import CopseCore
import CopseMarkdown
import Foundation

/// Parsed pages kept between builds, so that a page whose file holds the same bytes as at the
/// last build is not parsed again: in memory between the builds of one process (`copse serve`),
/// and on disk under the build cache folder (``ParsedStore``, `<cache>/parsed`) between
/// processes. Parsing is a pure function of the paths, the bytes and the Markdown options (and of
/// copse itself, which the disk cache records), so a page found here is the page a parse would
/// give. Only the pages of the latest build are kept.
package final class ParseCache: @unchecked Sendable {
    /// What a parse depends on, besides copse.
    struct Key: Hashable, Sendable {
        var source: String
        var contentPath: String
        /// Of the file's bytes.
        var bytes: ContentHash
        var unsafeHTML: Bool

        /// Names the HTML a parse of this key gives (see ``PageHTML/identity``): it depends on the
        /// bytes and the Markdown options alone (the path is named beside it wherever it is used).
        var htmlIdentity: HTMLIdentity { HTMLIdentity(high: bytes.high, low: bytes.low, unsafeHTML: unsafeHTML) }
    }

    /// The disk cache and this build's look-ups in it.
    private struct Disk {
        let store: ParsedStore
        let lookup: ParsedLookup
    }

    private let lock = NSLock()
    /// Keeps the pages of the last build in memory (for the next build of this process).
    private let remembers: Bool
    private var pages: [Key: Parsed] = [:]
    private var next: [Key: Parsed] = [:]
    /// A remembering cache's disk cache, set for each build by ``forBuild(_:)``; under the lock.
    private var memoryDisk: Disk?
    /// The disk cache of a cache for one build: fixed, so read without a lock.
    private let buildDisk: Disk?

    /// A cache in memory (`copse serve`), and on disk once a build with a cache folder uses it
    /// (``forBuild(_:)``).
    package init() {
        remembers = true
        buildDisk = nil
    }

    /// A cache on disk only, for one build.
    init(store: ParsedStore) {
        remembers = false
        buildDisk = Disk(store: store, lookup: store.begin())
    }

    /// The pages saved on disk that this cache reads and writes, once a build gave it a folder.
    var disk: ParsedStore? { remembers ? lock.withLock { memoryDisk?.store } : buildDisk?.store }

    /// The cache a build parses through: the pages this process kept (``BuildOptions/parsed``)
    /// and, with a cache folder (``BuildOptions/cache``), the pages saved in its `parsed` folder.
    /// Nil when the build keeps neither.
    static func forBuild(_ options: BuildOptions) -> ParseCache? {
        let folder = options.cache?.appendingPathComponent(ParsedStore.folderName)
        guard let memory = options.parsed else {
            return folder.map { ParseCache(store: ParsedStore(folder: $0, storedHTML: options.storedHTML)) }
        }
        memory.lock.withLock {
            let store = memory.memoryDisk.flatMap { $0.store.folder.path == folder?.path ? $0.store : nil }
                ?? folder.map { ParsedStore(folder: $0) }
            memory.memoryDisk = store.map { Disk(store: $0, lookup: $0.begin()) }
        }
        return memory
    }

    /// A page as the cache keeps it: with its warnings, and its ``PageFacet`` (a function of the
    /// same bytes), so that a page found here needs nothing of its file.
    struct Parsed: Sendable {
        var page: Checked<ParsedPage>
        var facet: ContentHash
    }

    /// The page parsed from `bytes`, with its warnings, and its facet when it parsed: from memory,
    /// from disk, or parsed now (and kept when it parsed).
    func page(source: String, contentPath: String, bytes: [UInt8], markdown: MarkdownOptions) -> (Checked<ParsedPage>, ContentHash?) {
        page(source: source, contentPath: contentPath, bytes: bytes, hash: ContentHash.of(bytes), markdown: markdown)
    }

    /// As ``page(source:contentPath:bytes:markdown:)``, with `hash` the hash of `bytes`.
    func page(source: String, contentPath: String, bytes: [UInt8], hash: ContentHash,
              markdown: MarkdownOptions) -> (Checked<ParsedPage>, ContentHash?) {
        let key = Key(source: source, contentPath: contentPath, bytes: hash, unsafeHTML: markdown.unsafeHTML)
        if let found = saved(key) { return (found.page, found.facet) }
        var result = PageParser.parse(source: source, contentPath: contentPath, bytes: bytes, markdown: markdown)
        // Taken out, so that the page's storage is changed in place rather than copied.
        guard var page = result.value.take() else { return (result, nil) }
        page.markdown = MarkdownDocument(page.markdown, body: PageHTML(page.markdown.html, identity: key.htmlIdentity))
        result = Checked(page, result.diagnostics)
        let parsed = Parsed(page: result, facet: PageFacet.of(bytes: bytes, page: page))
        remember(parsed, key: key)
        disk?.keep(result, facet: parsed.facet, key: key)
        return (result, parsed.facet)
    }

    /// The page of the file whose bytes have the hash `bytes` (as the build's fingerprint found
    /// them), when this cache has it: the file is not read.
    func page(source: String, contentPath: String, bytes: ContentHash, markdown: MarkdownOptions) -> Parsed? {
        saved(Key(source: source, contentPath: contentPath, bytes: bytes, unsafeHTML: markdown.unsafeHTML))
    }

    /// Called once a build has parsed everything: what it did not use goes, and the disk cache
    /// is saved. A cache for one build saves on a thread of its own while the build goes on, in
    /// `saving` (which the build waits for before it ends); one that remembers saves at once: the
    /// next build of its process reads what it saved.
    func endBuild(saving: DispatchGroup? = nil) {
        let disk = remembers ? lock.withLock {
            pages = next
            next = [:]
            return memoryDisk
        } : buildDisk
        guard let disk else { return }
        if let saving, !remembers {
            DispatchQueue.global().async(group: saving) { disk.store.save() }
        } else {
            disk.store.save()
        }
    }
}

private extension ParseCache {
    /// The page of `key`, from memory or from disk.
    func saved(_ key: Key) -> Parsed? {
        let (kept, disk) = remembers ? lock.withLock { (pages[key], memoryDisk) } : (nil, buildDisk)
        if let kept {
            remember(kept, key: key)
            if let disk, !disk.lookup.markUsed(key) { disk.store.keep(kept.page, facet: kept.facet, key: key) }
            return kept
        }
        guard let found = disk?.lookup.page(key) else { return nil }
        remember(found, key: key)
        return found
    }

    func remember(_ page: Parsed, key: Key) {
        guard remembers else { return }
        lock.withLock { next[key] = page }
    }
}
