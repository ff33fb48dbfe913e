import CopseCore
import CopseRender
import CopseTemplate
import Foundation

/// One build's use of the cache: the last build's manifest, this build's input fingerprint, and
/// afterwards the new manifest.
struct Incremental: Sendable {
    let cache: BuildCache
    let previous: BuildManifest?
    /// What this build reads (see ``BuildFingerprint/inputs(_:found:history:)``); nil when an
    /// input could not be read.
    let hashes: BuildFingerprint.Hashes?
    /// Every Markdown file, in the scan's order (`content/...md`).
    let sources: [String]
    /// Said once, never an error (see ``BuildReport/cacheWarnings``).
    let warnings: [String]

    static func start(_ cache: BuildCache, options: BuildOptions, found: ContentScanner.Found,
                      history: PendingHistory?) -> Incremental {
        var clock = StageClock()
        let (previous, warning) = cache.load()
        clock.lap("cache: read the manifest")
        defer { clock.lap("cache: fingerprint the inputs") }
        let hashes = BuildFingerprint.inputs(options, found: found, history: options.gitDates ? history?.wait() : nil)
        return Incremental(cache: cache, previous: previous, hashes: hashes, sources: found.markdown.map { "content/" + $0 },
                           warnings: warning.map { [$0] } ?? [])
    }

    var inputs: ContentHash? { hashes?.inputs }

    /// Everything the site is made from but the text of its pages (see ``BuildManifest/site``):
    /// the frame of the inputs, every page's facet, and what the site publishes. Nil when a
    /// page has no facet (it did not parse).
    func siteKey(facets: FacetTable, staticFiles: [StaticFile], paths: [String]) -> ContentHash? {
        guard let frame = hashes?.frame else { return nil }
        var hasher = Hasher128()
        hasher.add(frame)
        for source in sources {
            guard let facet = facets[source] else { return nil }
            hasher.add(facet)
        }
        // Which files of content/ are published depends on the raw HTML of pages' text too.
        hasher.add(UInt64(staticFiles.count))
        for file in staticFiles { hasher.add(file.contentPath) }
        hasher.add(UInt64(paths.count))
        for path in paths { hasher.add(path) }
        return hasher.finish()
    }

    /// The report of a build with nothing to do: the inputs are those of the last build, which
    /// reported nothing, and its output is still exactly as it left it. Nil otherwise.
    func upToDate(_ output: URL) -> BuildReport? {
        var clock = StageClock()
        defer { clock.lap("cache: compare the output with the manifest") }
        guard let previous, let inputs, previous.inputs == inputs, previous.quiet, previous.matchesOutput(output) else { return nil }
        return BuildReport(diagnostics: [], pageCount: previous.pageCount, fileCount: previous.outputFileCount, succeeded: true,
                           auditedPages: previous.auditedPages, auditedPassages: previous.auditedPassages,
                           cacheWarnings: warnings, upToDate: true, reusedFiles: previous.outputFileCount)
    }

    /// What this build may take from the current output.
    func reuse(output: URL, audit: LeakAudit, count: Int, site: ContentHash?) -> Reuse {
        let usable = previous.flatMap { $0.output == output.standardizedFileURL.path ? $0 : nil }
        let pageHashes = hashes?.pages ?? [:]
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(sources.count)
        for (number, source) in sources.enumerated() { numbers[source] = number }
        // Pages are numbered alike in both builds when the sites match but for pages' text.
        var changed: [Bool]?
        if let usable, let site, usable.site == site, usable.pages.count == sources.count {
            changed = zip(usable.pages, sources).map { page, source in page.source != source || pageHashes[source] != page.hash }
        }
        return Reuse(previous: usable?.files ?? [:], output: output.standardizedFileURL.path, theme: hashes?.theme,
                     auditUnchanged: usable?.audit == audit.fingerprint, textChanged: changed, pageNumbers: numbers,
                     hashes: HashSlots(count: count))
    }

    /// The manifest's old version goes before the output changes: should the new one not be
    /// written, no later build trusts a manifest of an output that is gone.
    func forget() -> String? { cache.clear() }

    /// Records the output just swapped in; a warning when the cache could not be written.
    func finish(pageCount: Int, quiet: Bool, reuse: Reuse, paths: [String], staticPaths: Set<String>, output: URL,
                audit: LeakAudit, site: ContentHash?) -> String? {
        guard let hashes else { return nil }
        let pages = sources.compactMap { source in hashes.pages[source].map { BuildManifest.Page(source: source, hash: $0) } }
        let root = output.standardizedFileURL.path
        var files: [String: BuildManifest.Entry] = [:]
        let stamps = paths.parallelMap { FileStamp(path: root + "/" + $0) }
        for (index, path) in paths.enumerated() {
            // A file without a hash or a stamp is left out, and the next build writes it again.
            guard let hash = reuse.hashes[index], let stamp = stamps[index], !stamp.isFolder else { continue }
            files[path] = BuildManifest.Entry(hash: hash, key: reuse.hashes.key(at: index),
                                              reads: pages.count == sources.count ? reuse.hashes.reads(at: index) : nil, stamp: stamp,
                                              kind: staticPaths.contains(path) ? .copied : .generated)
        }
        guard let marker = FileStamp(path: root + "/" + OutputGuard.marker) else { return nil }
        files[OutputGuard.marker] = BuildManifest.Entry(hash: ContentHash.of(OutputGuard.markerText), key: nil, stamp: marker, kind: .generated)
        let folders = ["."] + Array(Set(paths.flatMap(Self.folders(of:))))
        let folderStamps = folders.parallelMap { FileStamp(path: $0 == "." ? root : root + "/" + $0) }
        for (folder, stamp) in zip(folders, folderStamps) {
            // A folder that cannot be stamped: no build can find this output up to date.
            guard let stamp, stamp.isFolder else { return nil }
            files[folder] = BuildManifest.Entry(hash: ContentHash(high: 0, low: 0), key: nil, stamp: stamp, kind: .folder)
        }
        let manifest = BuildManifest(program: BuildFingerprint.program, inputs: hashes.inputs, site: site, pages: pages,
                                     output: root, audit: audit.fingerprint,
                                     pageCount: pageCount, auditedPages: audit.pageCount,
                                     auditedPassages: audit.passageCount, quiet: quiet, files: files)
        return cache.save(manifest)
    }
}

private extension Incremental {
    /// `a` and `a/b` for `a/b/c.html`.
    static func folders(of path: String) -> [String] {
        var folders: [String] = []
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: "/") {
            folders.append(String(path[..<slash]))
            index = path.index(after: slash)
        }
        return folders
    }
}

/// Deciding, file by file while the site is written, whether the current output already holds a
/// file's bytes.
struct Reuse: Sendable {
    let previous: [String: BuildManifest.Entry]
    let output: String
    let theme: ContentHash?
    /// The leak audit looks for what it looked for when the current output was audited.
    let auditUnchanged: Bool
    /// By page number, whether the page's text changed since the last build; nil unless
    /// everything else is as it was (the site key matches).
    let textChanged: [Bool]?
    /// Each Markdown file's number (its position in the scan), by source path.
    let pageNumbers: [String: Int]
    /// The content hash of each file, for the next manifest.
    let hashes: HashSlots

    var linkedCount: Int { hashes.linkedCount }

    /// The file at `index` need not even be made: nothing of the site but its pages' text changed,
    /// and none of the pages whose text the file shows (see ``CopseRender/BodyReads``); the current
    /// output still holds what the last build wrote, and the leak audit looks for what it looked
    /// for then. Then it is linked from the current output.
    func untouched(at index: Int, path: String) -> OutputWriter.Placement? {
        guard auditUnchanged, let textChanged, let entry = previous[path], entry.kind == .generated, let reads = entry.reads,
              !reads.contains(where: { textChanged[$0] }) else { return nil }
        let current = output + "/" + path
        guard FileStamp(path: current) == entry.stamp else { return nil }
        hashes.store(entry.hash, at: index)
        if let key = entry.key { hashes.store(key: key, at: index) }
        hashes.store(reads: reads, at: index)
        hashes.countLink()
        return OutputWriter.Placement(contents: .copy(URL(fileURLWithPath: current)), linkFrom: current)
    }

    /// Records the pages whose text the file at `index` read, for the next build.
    func recorded(_ reads: BodyReads, at index: Int) {
        hashes.store(reads: reads.sources.compactMap { pageNumbers[$0] }, at: index)
    }

    /// The key of a file rendered with `template` from `context` (nil without a theme hash).
    func renderKey(template: String, context: TemplateValue) -> ContentHash? {
        guard let theme else { return nil }
        var hasher = Hasher128()
        hasher.add(theme)
        hasher.add(template)
        hasher.add(context)
        return hasher.finish()
    }

    /// The file at `index` needs no rendering: the last build rendered it from the same key, the
    /// current output still holds what it wrote, and the leak audit found those bytes clean
    /// looking for what it looks for now. Then it is linked from the current output (or copied
    /// from it, when linking fails), and neither rendered nor audited.
    func unchanged(at index: Int, path: String, key: ContentHash?) -> OutputWriter.Placement? {
        guard let key else { return nil }
        hashes.store(key: key, at: index)
        guard auditUnchanged, let entry = previous[path], entry.kind == .generated, entry.key == key else { return nil }
        let current = output + "/" + path
        guard FileStamp(path: current) == entry.stamp else { return nil }
        hashes.store(entry.hash, at: index)
        hashes.countLink()
        return OutputWriter.Placement(contents: .copy(URL(fileURLWithPath: current)), linkFrom: current)
    }

    /// The placement of the file at `index`, and whether the leak audit may skip it (its bytes are
    /// those an audit looking for the same passages found clean). Reads a file copied from
    /// `content/` into `contents`, so that it is read once.
    func place(_ contents: inout OutputFile.Contents, at index: Int, path: String,
               isStatic: Bool) -> (OutputWriter.Placement, clean: Bool) {
        if case .copy(let url) = contents {
            // Unreadable: written as before, which reports it.
            guard let data = FileManager.default.contents(atPath: url.path) else { return (OutputWriter.Placement(contents: contents), false) }
            contents = .bytes([UInt8](data))
        }
        let (hash, size): (ContentHash, Int)
        switch contents {
        case .text(var text): (hash, size) = text.withUTF8 { (ContentHash.of($0), $0.count) }
        case .bytes(let bytes): (hash, size) = (ContentHash.of(bytes), bytes.count)
        case .copy: preconditionFailure("read above")
        }
        hashes.store(hash, at: index)
        guard let entry = previous[path], entry.hash == hash, entry.kind == (isStatic ? .copied : .generated),
              entry.stamp.size == Int64(size) else {
            return (OutputWriter.Placement(contents: contents), false)
        }
        let current = output + "/" + path
        let linkable = FileStamp(path: current) == entry.stamp
        if linkable { hashes.countLink() }
        return (OutputWriter.Placement(contents: contents, linkFrom: linkable ? current : nil), auditUnchanged)
    }
}

/// One hash per output file, each stored by the one task that writes that file.
final class HashSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ContentHash?]
    private var keys: [ContentHash?]
    private var reads: [[Int]?]
    private var links = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        keys = slots
        reads = Array(repeating: nil, count: count)
    }

    func store(reads list: [Int], at index: Int) { lock.withLock { reads[index] = list } }

    func reads(at index: Int) -> [Int]? { lock.withLock { reads[index] } }

    func store(_ hash: ContentHash, at index: Int) { lock.withLock { slots[index] = hash } }

    func store(key: ContentHash, at index: Int) { lock.withLock { keys[index] = key } }

    func key(at index: Int) -> ContentHash? { lock.withLock { keys[index] } }

    func countLink() { lock.withLock { links += 1 } }

    subscript(index: Int) -> ContentHash? { lock.withLock { slots[index] } }

    var linkedCount: Int { lock.withLock { links } }
}
