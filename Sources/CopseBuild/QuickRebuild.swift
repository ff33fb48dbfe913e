import CopseCore
import CopseMarkdown
import CopseRender
import Foundation

/// What `copse serve` keeps of its last good build, so that saving a page whose front matter and
/// Markdown outline are unchanged (only its text changed: the common edit) rebuilds in a
/// fraction of the time. No other page is read, parsed, indexed, linked or rendered: the new
/// text goes into the kept site (``CopseCore/Site/replacing(text:)``), only the files that show
/// it are made again (those whose ``CopseRender/BodyReads`` name the page), each is audited for
/// leaks, and the ones whose bytes changed replace their old versions in the site folder, one
/// rename each. Anything else (a new, moved or deleted file, a changed title, link, heading or
/// front matter, copse.yml, the theme, a new commit, a warning, a leak) makes a full build.
/// Only for `serve`: its site folder is its own, and a reader of the preview may see one file
/// of the site new and another not yet for the few milliseconds between two renames, which the
/// output of `copse build` never shows (it is swapped in whole).
package final class QuickRebuild: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: Snapshot?

    package init() {}

    /// The last good build, as the quick rebuild needs it.
    struct Snapshot {
        var target: URL
        var hashes: BuildFingerprint.Hashes
        var history: GitHistory?
        /// The commit checked out at the build (with git dates): a new commit means new dates.
        var head: String?
        var facets: [String: ContentHash]
        var site: Site
        var files: OutputSet
        var audit: LeakAudit
        /// By output file: its bytes' hash, and the pages whose text it shows (page numbers).
        var fileHashes: [ContentHash]
        var reads: [[Int]]
        /// Every Markdown file's number (its place in the scan) and, when published, its page.
        var numbers: [String: Int]
        var pages: [String: PageID]
        var report: BuildReport
    }

    /// Keeps what a full build made, or forgets the last one (nil).
    func keep(_ snapshot: Snapshot?) { lock.withLock { kept = snapshot } }

    /// Rebuilds from the kept build when only pages' text changed since: the report, or nil when
    /// a full build is needed (then nothing was written).
    func rebuild(_ options: BuildOptions, found: ContentScanner.Found, target: URL) -> BuildReport? {
        guard let snapshot = lock.withLock({ () -> Snapshot? in defer { kept = nil }; return kept }) else { return nil }
        var clock = StageClock()
        defer { clock.lap("quick rebuild") }
        guard let (next, report) = Self.rebuild(snapshot, options: options, found: found, target: target, clock: &clock) else { return nil }
        keep(next)
        return report
    }

    /// The commit checked out in the hub's repository, when there is one.
    static func head(_ options: BuildOptions) -> String? {
        guard options.gitDates, options.gitHistory == nil else { return nil }
        return GitHistory.head(root: options.root)
    }
}

private extension QuickRebuild {
    /// The most pages whose text may change at once (a branch switch is a full build).
    static let most = 32

    static func rebuild(_ kept: Snapshot, options: BuildOptions, found: ContentScanner.Found,
                        target: URL, clock: inout StageClock) -> (Snapshot, BuildReport)? {
        guard kept.target.standardizedFileURL.path == target.standardizedFileURL.path, head(options) == kept.head,
              let hashes = BuildFingerprint.inputs(options, found: found, history: options.gitHistory ?? kept.history,
                                                   known: kept.hashes.files),
              hashes.frame == kept.hashes.frame, hashes.pageList.count == kept.hashes.pageList.count
        else { return clock.refuse("more than pages' text changed") }
        // The same frame: the same files in the same order.
        let changed = hashes.pageList.indices.filter { hashes.pageList[$0] != kept.hashes.pageList[$0] }
            .map { "content/" + hashes.paths[$0] }.sorted()
        clock.lap("quick: fingerprint the inputs")
        guard changed.count <= most else { return clock.refuse("\(changed.count) pages changed") }
        var snapshot = kept
        snapshot.hashes = hashes
        guard !changed.isEmpty else { return (snapshot, upToDate(kept.report)) }
        // Each changed file: published, parsed without a word to say, and with its facet as before.
        let content = options.root.appendingPathComponent("content")
        let markdown = MarkdownOptions(unsafeHTML: kept.site.config.markdown.unsafeHTML)
        var text: [PageID: ParsedPage] = [:]
        for source in changed {
            guard let id = kept.pages[source], let facet = kept.facets[source] else { return clock.refuse("\(source) is not a published page") }
            guard let data = FileManager.default.contents(atPath: content.appendingPathComponent(String(source.dropFirst(8))).path)
            else { return clock.refuse("\(source) cannot be read") }
            let bytes = [UInt8](data)
            let parsed = PageParser.parse(source: source, contentPath: String(source.dropFirst(8)), bytes: bytes, markdown: markdown)
            guard parsed.diagnostics.isEmpty, let page = parsed.value else { return clock.refuse("\(source) has something to report") }
            guard PageFacet.of(bytes: bytes, page: page) == facet else { return clock.refuse("more than the text of \(source) changed") }
            // Files named in raw HTML are in the text, not the facet: which are published depends on them.
            if kept.site.config.markdown.unsafeHTML {
                let files = Set(found.other)
                guard WithheldFiles.namedInRawHTML(page, files: files) == WithheldFiles.namedInRawHTML(kept.site.pages[id.index].parsed, files: files)
                else { return clock.refuse("\(source) names other files in raw HTML") }
            }
            text[id] = page
        }
        snapshot.site = kept.site.replacing(text: text)
        snapshot.audit = kept.audit.replacingText(Dictionary(uniqueKeysWithValues: text.keys.map { ($0, snapshot.site.pages[$0.index]) }))
        guard snapshot.audit.fingerprint == kept.audit.fingerprint else { return clock.refuse("what the leak audit looks for changed") }
        snapshot.files = OutputSet(plan: kept.files.plan.replacing(site: snapshot.site), content: content,
                                   staticFiles: kept.files.staticFiles)
        clock.lap("quick: parse \(text.count) page(s), the site and the audit")
        let numbers = Set(changed.compactMap { kept.numbers[$0] })
        let affected = kept.reads.indices.filter { kept.reads[$0].contains(where: numbers.contains) }
        let paths = snapshot.files.paths
        let (files, audit) = (snapshot.files, snapshot.audit)
        let made = affected.parallelMap { index -> (OutputFile, reads: [Int], leak: Diagnostic?, milliseconds: Double) in
            let reads = BodyReads()
            let started = DispatchTime.now()
            let file = OutputFile(path: paths[index], contents: files.contents(at: index, reads: reads))
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            return (file, reads.sources.compactMap { kept.numbers[$0] }, audit.finding(in: file, isStatic: false), milliseconds)
        }
        clock.lap("quick: make and audit \(affected.count) file(s)")
        for result in made.sorted(by: { $0.milliseconds > $1.milliseconds }).prefix(5) {
            clock.note("  made \(result.0.path) in", milliseconds: result.milliseconds)
        }
        // A leak is reported by the full build, which then publishes nothing.
        guard made.allSatisfy({ $0.leak == nil }) else { return clock.refuse("the leak audit found something") }
        var changes: [(index: Int, bytes: [UInt8])] = []
        for (index, result) in zip(affected, made) {
            guard case .text(let text) = result.0.contents else { return nil }
            let bytes = Array(text.utf8)
            let hash = ContentHash.of(bytes)
            snapshot.reads[index] = result.reads
            if hash != kept.fileHashes[index] { changes.append((index, bytes)) }
            snapshot.fileHashes[index] = hash
        }
        // The build cache's manifest describes the folder as the last full build left it.
        if !changes.isEmpty, let folder = options.cache { _ = BuildCache(folder: folder).clear() }
        for change in changes {
            guard replace(target.appendingPathComponent(paths[change.index]).path, with: change.bytes) else { return nil }
        }
        clock.lap("quick: write \(changes.count) file(s)")
        var report = kept.report
        report.cacheWarnings = []
        report.reusedFiles = paths.count - changes.count
        report.quick = true
        return (snapshot, report)
    }

    static func upToDate(_ report: BuildReport) -> BuildReport {
        var report = report
        report.cacheWarnings = []
        report.upToDate = true
        report.reusedFiles = report.fileCount
        return report
    }

    /// Writes `bytes` beside `path`, then renames them over it: a reader sees the old file or the
    /// new one, never half of one.
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<slash]) + ".\(path[slash...]).copse-\(getpid())"
        unlink(temporary)  // left by a rebuild that did not finish
        guard bytes.withUnsafeBufferPointer({ OutputWriter.writeFile(AT_FDCWD, temporary, $0) }) == nil,
              rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}

extension QuickRebuild {
    /// What a quick rebuild needs of a full build that succeeded without a word to say; nil when
    /// something is missing (an input that could not be hashed, a file whose reads were not
    /// recorded).
    static func snapshot(_ options: BuildOptions, target: URL, cache: Incremental, history: PendingHistory?,
                         facets: [String: ContentHash], site: Site, files: OutputSet, audit: LeakAudit, reuse: Reuse,
                         report: BuildReport) -> Snapshot? {
        guard let hashes = cache.hashes else { return nil }
        let paths = files.paths
        let generated = files.plan.paths.count
        var fileHashes: [ContentHash] = []
        var reads: [[Int]] = []
        fileHashes.reserveCapacity(paths.count)
        reads.reserveCapacity(paths.count)
        for index in paths.indices {
            let slot = reuse.hashes[index]
            guard let hash = slot.hash else { return nil }
            // Files copied from content/ show no page's text (and are in the frame).
            let read = slot.reads ?? []
            if index < generated, slot.reads == nil { return nil }
            fileHashes.append(hash)
            reads.append(read)
        }
        var pages: [String: PageID] = [:]
        for id in site.pages.ids { pages[site.pages[id].parsed.source] = id }
        return Snapshot(target: target, hashes: hashes, history: options.gitDates ? history?.wait() : nil, head: head(options),
                        facets: facets, site: site, files: files, audit: audit, fileHashes: fileHashes, reads: reads,
                        numbers: reuse.pageNumbers, pages: pages, report: report)
    }
}

extension StageClock {
    /// Says why a quick rebuild was not possible (with `COPSE_TIMINGS`); nil, for a full build.
    func refuse<Value>(_ why: String) -> Value? {
        note("quick rebuild not possible: \(why);", milliseconds: 0)
        return nil
    }
}
