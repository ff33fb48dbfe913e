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
    /// input could not be read, or while ``awaitsPages``.
    private(set) var hashes: BuildFingerprint.Hashes?
    /// Everything the fingerprint reads but the Markdown files, when their hashes are taken as the
    /// pages are parsed (see ``complete(pageList:)``): a build with no manifest to compare with
    /// reads every page anyway, so it does not read each file a first time just to hash it.
    private(set) var pending: BuildFingerprint.Frame?
    /// Every Markdown file, in the scan's order (`content/...md`).
    let sources: [String]
    /// Said once, never an error (see ``BuildReport/cacheWarnings``).
    let warnings: [String]

    /// `loaded`: the manifest, when it was read already (while the scan ran). `known`: the files of
    /// `content/` as the last build found them (see ``StampFile``); the fingerprint then reads
    /// only those whose stamp changed, and lists every file's stamp (``BuildFingerprint/Hashes/files``).
    static func start(_ cache: BuildCache, options: BuildOptions, found: ContentScanner.Found,
                      history: PendingHistory?, loaded: Pending<(BuildManifest?, warning: String?)>? = nil,
                      known: [String: BuildFingerprint.KnownFile]? = nil) -> Incremental {
        var clock = StageClock()
        // The inputs are hashed while the manifest is still being read, if it is; without one, the
        // pages are hashed as they are parsed.
        let deferred = !FileManager.default.fileExists(atPath: cache.file.path)
        let known = known ?? [:]
        let frame = BuildFingerprint.frame(options, found: found, history: options.gitDates ? history?.wait() : nil, known: known)
        let hashes = deferred ? nil : frame.flatMap { BuildFingerprint.reading($0, options, found: found, known: known) }
        clock.lap(deferred ? "cache: fingerprint the inputs but the pages" : "cache: fingerprint the inputs")
        let (previous, warning) = loaded?.wait() ?? cache.load()
        clock.lap("cache: read the manifest (waited)")
        return Incremental(cache: cache, previous: previous, hashes: hashes, pending: deferred ? frame : nil,
                           sources: found.markdown.map { "content/" + $0 }, warnings: warning.map { [$0] } ?? [])
    }

    /// Whether the Markdown files' hashes are still to come from the parse.
    var awaitsPages: Bool { hashes == nil && pending != nil }

    /// The fingerprint completed with each Markdown file's hash as the parse read it (in the
    /// scan's order; nil for a file it could not read: then there is no fingerprint).
    mutating func complete(pageList: [ContentHash?]) {
        guard hashes == nil, let pending else { return }
        hashes = pending.completed(pageList: pageList)
        self.pending = nil
    }

    /// Everything the build reads but the pages' bytes (``BuildFingerprint/Hashes/frame``).
    var frame: ContentHash? { hashes?.frame ?? pending?.frame }

    var inputs: ContentHash? { hashes?.inputs }

    /// Everything the site is made from but the text of its pages (see ``BuildManifest/site``):
    /// the frame of the inputs, every page's facet, and what the site publishes. Nil when a
    /// page has no facet (it did not parse).
    func siteKey(facets: FacetTable, staticFiles: [StaticFile], paths: [String]) -> ContentHash? {
        guard let frame = hashes?.frame else { return nil }
        var hasher = Hasher128()
        hasher.add(frame)
        guard facets.sources == sources else { return nil }
        for facet in facets.inOrder {
            guard let facet else { return nil }
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
    func reuse(output: URL, audit: LeakAudit, paths: [String], site: ContentHash?) -> Reuse {
        let usable = previous(of: output)
        let pageHashes = hashes?.pageList ?? []
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(sources.count)
        for (number, source) in sources.enumerated() { numbers[source] = number }
        // Pages are numbered alike in both builds when the sites match but for pages' text.
        var changed: [Bool]?
        if let usable, let site, usable.site == site, usable.pages.count == sources.count, pageHashes.count == sources.count {
            changed = sources.indices.map { number in
                usable.pages[number].source != sources[number] || pageHashes[number] != usable.pages[number].hash
            }
        }
        return Reuse(previous: PreviousFiles(usable?.files ?? [], paths: paths), current: usable.flatMap { FolderHandle(path: $0.output) },
                     theme: hashes?.theme, auditUnchanged: usable?.audit == audit.fingerprint, textChanged: changed,
                     pageNumbers: numbers, hashes: HashSlots(count: paths.count))
    }

    /// The site the last build swapped out, which this build may take as its staging folder, and
    /// where the site it swaps out may be kept for the next. None when the output is the cache
    /// folder, inside it or around it: taking the spare must never move the output itself.
    func spare(output: URL) -> SpareSite? {
        let output = output.standardizedFileURL.path
        let folder = cache.folder.standardizedFileURL.path
        guard output != folder, !output.hasPrefix(folder + "/"), !folder.hasPrefix(output + "/") else { return nil }
        return SpareSite(cache: cache, previous: previous.flatMap { $0.output == output ? $0 : nil })
    }

    /// The manifest's old version goes before the output changes: should the new one not be
    /// written, no later build trusts a manifest of an output that is gone.
    func forget() -> String? { cache.clear() }

    /// Records the output just swapped in (`paths` its files, as `written` says they were
    /// placed); a warning when the cache could not be written. A manifest lists the whole output
    /// or is not written: a spare made from this output is trusted only as far as it lists it.
    func finish(pageCount: Int, quiet: Bool, reuse: Reuse, paths: [String], written: OutputWriter.Written, staticPaths: Set<String>,
                output: URL, audit: LeakAudit, site: ContentHash?) -> String? {
        guard let hashes else { return nil }
        // The site swapped out is described against its own manifest: its folders' hash is
        // worked out on the other core while this build's files are stamped.
        let swappedOut = written.stashed ? previous(of: output) : nil
        let swappedFolders = swappedOut.map { previous in Pending { SpareSite.folderHash(of: previous) } }
        let pages = hashes.pageList.count == sources.count ? zip(sources, hashes.pageList).map { BuildManifest.Page(source: $0, hash: $1) }
            : sources.compactMap { source in hashes.pages[source].map { BuildManifest.Page(source: source, hash: $0) } }
        let root = output.standardizedFileURL.path
        // Every stamp read relative to the output folder, opened once. A file kept as it was in a
        // recycled staging folder still has the stamp it was checked with, unless the site swapped
        // out was removed: that took a name from each file the two sites shared.
        guard let folder = FolderHandle(path: root) else { return nil }
        // A file this build wrote was stamped as it was written.
        let kept = written.stashed ? written.kept : []
        let fresh = written.fresh
        let stamps = Array(paths.indices).parallelMap { index in
            (index < fresh.count ? fresh[index] : nil) ?? (index < kept.count ? kept[index] : nil) ?? FileStamp(in: folder, path: paths[index])
        }
        let recordsReads = pages.count == sources.count
        var files: [BuildManifest.Entry] = []
        files.reserveCapacity(paths.count + written.folders.count + 2)
        for (index, path) in paths.enumerated() {
            let slot = reuse.hashes[index]
            guard let hash = slot.hash, let stamp = stamps[index], !stamp.isFolder else { return nil }
            files.append(BuildManifest.Entry(path: path, hash: hash, key: slot.key, reads: recordsReads ? slot.reads : nil, stamp: stamp,
                                             kind: staticPaths.contains(path) ? .copied : .generated))
        }
        guard let marker = FileStamp(in: folder, path: OutputGuard.marker) else { return nil }
        files.append(BuildManifest.Entry(path: OutputGuard.marker, hash: ContentHash.of(OutputGuard.markerText), key: nil, stamp: marker,
                                         kind: .generated))
        // The output folder itself is always stamped again: it was renamed, and got the marker anew.
        let allFolders = ["."] + written.folders
        let known = [nil] + written.folderStamps
        let folderStamps = Array(allFolders.indices).parallelMap { index in
            index < known.count ? known[index] ?? FileStamp(in: folder, path: allFolders[index]) : FileStamp(in: folder, path: allFolders[index])
        }
        for (path, stamp) in zip(allFolders, folderStamps) {
            // A folder that cannot be stamped: no build can find this output up to date.
            guard let stamp, stamp.isFolder else { return nil }
            files.append(BuildManifest.Entry(path: path, hash: ContentHash(high: 0, low: 0), key: nil, stamp: stamp, kind: .folder))
        }
        let manifest = BuildManifest(program: BuildFingerprint.program, inputs: hashes.inputs, site: site, pages: pages,
                                     output: root, audit: audit.fingerprint,
                                     pageCount: pageCount, auditedPages: audit.pageCount,
                                     auditedPassages: audit.passageCount, quiet: quiet, files: files,
                                     spare: swappedOut.map { SpareSite.describe(previous: $0, files: files, folderHash: swappedFolders?.wait()) })
        return cache.save(manifest, previous: previous(of: output))
    }

    /// The last manifest, when it describes `output`.
    func previous(of output: URL) -> BuildManifest? {
        previous.flatMap { $0.output == output.standardizedFileURL.path ? $0 : nil }
    }
}
