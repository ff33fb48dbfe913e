import CopseCore
import CopseMarkdown
import CopseRender
import Foundation

/// What a build or check found and did.
package struct BuildReport: Sendable {
    /// Every problem, sorted by file, line and column.
    package var diagnostics: [Diagnostic]
    /// Pages published (Markdown files that became pages).
    package var pageCount: Int
    /// Files written (or that would be written, for a check).
    package var fileCount: Int
    /// False when there were errors, or warnings with `--strict`; nothing was written then.
    package var succeeded: Bool
    /// How many unpublished pages the leak audit looked for (see ``LeakAudit``).
    package var auditedPages: Int?
    /// How many private passages of published pages the leak audit looked for.
    package var auditedPassages: Int?
    /// Why the build cache was not used or not kept (it was damaged, say): worth a word, never an
    /// error; the build itself is complete either way.
    package var cacheWarnings: [String] = []
    /// Nothing the build reads changed since the last build, and the output was as it left it:
    /// nothing was written.
    package var upToDate = false
    /// Files that reached the output unchanged, linked from the previous output instead of written.
    package var reusedFiles = 0
    /// Built by a quick rebuild (see ``QuickRebuild``): only pages' text changed, and only the
    /// files that show it were made again.
    package var quick = false
    /// The site as indexed and linked came from the build cache (see ``LinkedSiteFile``): no
    /// page's front matter or Markdown outline changed since the last build.
    package var siteFromCache = false
}

/// scan -> parse -> index and resolve links -> render -> write.
package enum Pipeline {
    /// Builds the site and, when `write` is true and nothing failed, swaps it into the output folder.
    /// With a cache (``BuildOptions/cache``), a build whose inputs did not change since the last
    /// one does nothing, and files whose bytes did not change are linked from the current output.
    package static func run(_ given: BuildOptions, write: Bool) -> BuildReport {
        var chosen = given
        // A build that keeps nothing for a next build of its process keeps its pages' HTML out of
        // memory, beside the parse cache (see ``PageHTML``), and checks before the swap that all
        // of it read back.
        if write, chosen.cache != nil, chosen.parsed == nil, chosen.quick == nil, chosen.storedHTML == nil {
            chosen.storedHTML = StoredHTMLReads()
        }
        let options = chosen
        let storedHTML = options.storedHTML
        // Where the site may go is decided before anything else, and reported with the rest.
        var target = options.output
        var refusal: [Diagnostic] = []
        if write {
            let checked = OutputGuard(root: options.root, output: options.output, force: options.force).check()
            target = checked.value ?? target
            refusal = checked.diagnostics
        }
        // Read while the content folder is scanned: the last build's manifest, copse.yml and the theme.
        let manifest = write && refusal.isEmpty && options.quick == nil ? options.cache.map { folder in
            Pending { BuildCache(folder: folder).load() }
        } : nil
        let stampFile = manifest == nil ? nil : options.cache.map {
            StampFile(folder: $0, content: options.root.appendingPathComponent("content"))
        }
        let stamps = stampFile.map { file in Pending { file.load() } }
        defer { stampFile?.finishSaving() }
        let frame = options.quick == nil ? Pending { loadConfigAndTheme(options) } : nil
        let found = scan(options)
        if write, refusal.isEmpty, let quick = options.quick, let found,
           let report = quick.rebuild(options, found: found, target: target) {
            return report
        }
        // git reads the history on a thread of its own while the pages are read.
        let history = PendingHistory.start(options)
        var cache: Incremental?
        var notes: [String] = []
        if write, refusal.isEmpty, let folder = options.cache, let found {
            let incremental = Incremental.start(BuildCache(folder: folder), options: options, found: found, history: history,
                                                loaded: manifest, known: stamps?.wait())
            saveStamps(incremental.hashes, to: stampFile)
            notes += incremental.warnings
            if let report = incremental.upToDate(target) { return report }
            cache = incremental
        }
        let facets = cache.map { FacetTable(sources: $0.sources) }
        let chunkFiles = cache.map { SearchChunkFiles(folder: $0.cache.folder.appendingPathComponent("search")) }
        let searchChunks = cache == nil && options.quick == nil ? nil
            : SearchChunks(store: chunkFiles, inMemory: options.quick != nil)
        let linkedFile = cache.flatMap { cache in cache.frame.map { LinkedSiteFile(folder: cache.cache.folder, frame: $0) } }
        defer { linkedFile?.finishSaving() }
        // The spare is claimed as the staging folder on a thread of its own once the pages are
        // parsed: linking and planning the site keep one core busy, and the claim stats a folder
        // for each page.
        let writer = OutputWriter(output: target)
        let spare = cache?.spare(output: target)
        let staging = spare.map { spare in
            Deferred { Result { () throws(WriteFailure) in try writer.prepare(spare: spare) } }
        }
        let assembled = assemble(options, found: found, history: history, facets: facets, searchChunks: searchChunks,
                                 known: cache?.hashes?.pageList, linkedFile: linkedFile, frame: frame, afterParse: staging?.start)
        if let facets, cache?.awaitsPages == true {
            cache?.complete(pageList: facets.bytesInOrder)
            saveStamps(cache?.hashes, to: stampFile)
        }
        let diagnostics = (assembled.diagnostics + refusal).sorted()
        let failed = diagnostics.hasErrors || (options.strict && !diagnostics.isEmpty)
        guard !failed, let site = assembled.value?.site, let files = assembled.value?.files else {
            if let staging, staging.hasStarted, case .success(let ready) = staging.begun.wait() { writer.abandon(ready, spare: spare) }
            return BuildReport(diagnostics: diagnostics, pageCount: assembled.value?.site.pages.count ?? 0, fileCount: 0,
                               succeeded: false, cacheWarnings: notes)
        }
        var clock = StageClock()
        defer { clock.lap(write ? "render, audit and write" : "render and audit") }
        let audit = LeakAudit(hidden: unpublishedPages(site, options), published: site.pages)
        clock.lap("leak audit: what to look for")
        let staticPaths = Set(site.staticFiles.map(\.contentPath))
        guard write else {
            let leaks = audit.findings(in: files.materialise(), staticFiles: staticPaths)
            LeftForExit.keep((assembled, audit), if: options)
            return BuildReport(diagnostics: (diagnostics + leaks).sorted(), pageCount: site.pages.count, fileCount: files.paths.count,
                               succeeded: leaks.isEmpty, auditedPages: audit.pageCount, auditedPassages: audit.passageCount)
        }
        // Every file is audited as it is written (unless the cache shows it clean); a leak stops
        // the swap, so nothing is published.
        let leaks = Findings()
        let paths = files.paths
        // Worked out while the cache is compared: the write needs it first thing.
        let folders = Pending { FolderPlan(paths: paths) }
        let siteKey = facets.flatMap { cache?.siteKey(facets: $0, staticFiles: site.staticFiles, paths: paths) }
        let reuse = cache?.reuse(output: target, audit: audit, paths: paths, site: siteKey)
        if let warning = cache?.forget() { notes.append(warning) }
        clock.lap("cache: site key and reuse")
        let written: OutputWriter.Written?
        var cacheWarning: String?
        do {
            written = try writer.write(paths: paths, placements: { index, mayLink in
                // A file that shows only what did not change is not even made.
                if mayLink, let placement = reuse?.untouched(at: index, path: paths[index]) { return placement }
                let reads = reuse == nil ? nil : BodyReads()
                defer { if let reads { reuse?.recorded(reads, at: index) } }
                var contents: OutputFile.Contents
                if let reuse, let input = files.templateInput(at: index, reads: reads) {
                    // A page whose template context is unchanged is not even rendered.
                    if let placement = reuse.unchanged(at: index, path: paths[index], mayLink: mayLink,
                                                       key: reuse.renderKey(template: input.template, context: input.context)) {
                        return placement
                    }
                    contents = files.rendered(at: index, context: input.context)
                } else {
                    contents = files.contents(at: index, reads: reads)
                }
                let isStatic = staticPaths.contains(paths[index])
                var placement = OutputWriter.Placement(contents: contents)
                var clean = false
                if let reuse {
                    (placement, clean) = reuse.place(&contents, at: index, path: paths[index], isStatic: isStatic)
                }
                if !audit.isEmpty, !clean, let leak = leaks.timed({
                    audit.finding(in: OutputFile(path: paths[index], contents: contents), isStatic: isStatic)
                }) {
                    leaks.append(leak)
                }
                return placement
            }, folders: folders, spare: spare, staging: staging?.begun, verify: { leaks.isEmpty && (storedHTML?.failureCount ?? 0) == 0 },
            swapped: { written in
                // Recorded before the lock goes, so that the manifest describes this build's output.
                if let cache, let reuse {
                    cacheWarning = cache.finish(pageCount: site.pages.count, quiet: diagnostics.isEmpty, reuse: reuse, paths: paths,
                                                written: written, staticPaths: staticPaths, output: target, audit: audit, site: siteKey)
                }
            })
            clock.note("leak audit (CPU, summed over threads)", milliseconds: leaks.auditMilliseconds)
            if written != nil { chunkFiles?.prune(keeping: SearchChunks.starts(site)) }
        } catch {
            let shown = OutputGuard(root: options.root, output: options.output, force: options.force).shownPath
            let problem = Diagnostic.error(SourceLocation(path: shown), "could not write the site: \(error.message)", hint: error.hint)
            return BuildReport(diagnostics: diagnostics + [problem], pageCount: site.pages.count, fileCount: 0, succeeded: false,
                               cacheWarnings: notes)
        }
        let unread = (storedHTML?.failureCount ?? 0) == 0 ? [] : [Self.unreadHTML(options)]
        var report = BuildReport(diagnostics: (diagnostics + leaks.all + unread).sorted(), pageCount: site.pages.count,
                                 fileCount: written != nil ? paths.count : 0, succeeded: written != nil,
                                 auditedPages: audit.pageCount, auditedPassages: audit.passageCount,
                                 cacheWarnings: notes + (cacheWarning.map { [$0] } ?? []))
        report.reusedFiles = written?.reusedFiles ?? 0
        report.siteFromCache = linkedFile?.tookSite ?? false
        LeftForExit.keep((assembled, audit, reuse, cache, facets, searchChunks), if: options)
        options.quick?.keep(written != nil && diagnostics.isEmpty ? cache.flatMap { cache in
            reuse.flatMap { reuse in
                facets.flatMap { facets in
                    QuickRebuild.snapshot(options, target: target, cache: cache, history: history, facets: facets.all, site: site,
                                          files: files, audit: audit, reuse: reuse, report: report)
                }
            }
        } : nil)
        return report
    }

    /// Everything but the write, scanning and reading the history itself.
    /// Keeps each file's stamp and hash for the next build's fingerprint (see ``StampFile``).
    static func saveStamps(_ hashes: BuildFingerprint.Hashes?, to file: StampFile?) {
        guard let hashes, !hashes.stamped.isEmpty else { return }
        file?.save(zip(hashes.paths, hashes.stamped).compactMap { path, stamped in stamped.map { (path, $0) } })
    }

    static func assemble(_ options: BuildOptions) -> Checked<Assembled> {
        assemble(options, found: scan(options), history: PendingHistory.start(options))
    }

    /// The site and the files it is written as.
    struct Assembled {
        var site: Site
        /// Nil when any stage had an error.
        var files: OutputSet?
    }

    /// Everything but the write, from what the scan `found`: no value when copse.yml or content/
    /// cannot be read; the files only when no stage had an error.
    static func assemble(_ options: BuildOptions, found: ContentScanner.Found?, history: PendingHistory?,
                         facets: FacetTable? = nil, searchChunks: SearchChunks? = nil,
                         known: [ContentHash]? = nil, linkedFile: LinkedSiteFile? = nil,
                         frame: Pending<(Checked<Config>, Checked<Theme>)>? = nil,
                         afterParse: (@Sendable () -> Void)? = nil) -> Checked<Assembled> {
        var clock = StageClock()
        let (config, theme) = frame?.wait() ?? loadConfigAndTheme(options)
        let themeConfig = config.value ?? Config(title: "")
        clock.lap("config and theme")
        let site = index(config: themeConfig, options: options, found: found, history: history, facets: facets, known: known,
                         linkedFile: linkedFile, afterParse: afterParse)
        clock.lap("parse, index and link")
        let diagnostics = (config.diagnostics + theme.diagnostics + site.diagnostics).sorted()
        guard let site = site.value else { return .failed(diagnostics) }
        guard config.value != nil, let theme = theme.value, !diagnostics.hasErrors else {
            return Checked(Assembled(site: site, files: nil), diagnostics)
        }
        let content = options.root.appendingPathComponent("content")
        let plan = RenderPlan(site: site, theme: theme, searchChunks: searchChunks)
        let files = OutputSet(plan: plan, content: content, staticFiles: site.staticFiles)
        clock.lap("plan the files")
        let collisions = files.collisions() + OutputNames.problems(site: site, paths: files.paths, content: content)
        clock.lap("check the output names")
        guard collisions.isEmpty else { return Checked(Assembled(site: site, files: nil), (diagnostics + collisions).sorted()) }
        return Checked(Assembled(site: site, files: files), diagnostics)
    }

    /// The site as far as the index (every page parsed, links resolved, evidence checked), without
    /// the theme: what `copse evidence` reads. No site when copse.yml or content/ cannot be read.
    package static func site(_ options: BuildOptions) -> Checked<Site> {
        let config = loadConfig(root: options.root)
        guard let value = config.value else { return .failed(config.diagnostics) }
        let site = index(config: value, options: options, found: scan(options), history: nil)
        return Checked(site.value, (config.diagnostics + site.diagnostics).sorted())
    }
}

private extension Pipeline {
    /// Why nothing was written when a page's HTML, kept in the parse cache, could not be read back.
    static func unreadHTML(_ options: BuildOptions) -> Diagnostic {
        let folder = options.cache?.appendingPathComponent(ParsedStore.folderName).path ?? ".copse-cache"
        return .error(SourceLocation(path: OutputGuard(root: options.root, output: options.output, force: options.force).shownPath),
                      "could not read pages' text back from the build cache (\(folder)): it changed or could not be read while "
                          + "copse was building; nothing was written",
                      hint: "build again; if it happens again, build with --no-cache or delete the cache folder")
    }

    /// The unpublished pages, parsed again for the leak audit (they parsed once already, with
    /// any problem reported then).
    static func unpublishedPages(_ site: Site, _ options: BuildOptions) -> [ParsedPage] {
        parse(site.unpublished, content: options.root.appendingPathComponent("content"), options: site.config.markdown,
              cache: options.parsed).value ?? []
    }

    /// The scan stage; nil when there is no `content/` folder.
    static func scan(_ options: BuildOptions) -> ContentScanner.Found? {
        let content = options.root.appendingPathComponent("content")
        guard FileManager.default.fileExists(atPath: content.path) else { return nil }
        var clock = StageClock()
        defer { clock.lap("scan") }
        return ContentScanner(contentDirectory: content).scan()
    }
}
