import CopseCore
import CopseMarkdown
import CopseRender
import Foundation

/// What a build or check found and did.
public struct BuildReport: Sendable {
    /// Every problem, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Pages published (Markdown files that became pages).
    public var pageCount: Int
    /// Files written (or that would be written, for a check).
    public var fileCount: Int
    /// False when there were errors, or warnings with `--strict`; nothing was written then.
    public var succeeded: Bool
    /// How many unpublished pages the leak audit looked for (see ``LeakAudit``).
    public var auditedPages: Int?
    /// How many private passages of published pages the leak audit looked for.
    public var auditedPassages: Int?
    /// Why the build cache was not used or not kept (it was damaged, say): worth a word, never an
    /// error; the build itself is complete either way.
    public var cacheWarnings: [String] = []
    /// Nothing the build reads changed since the last build, and the output was as it left it:
    /// nothing was written.
    public var upToDate = false
    /// Files that reached the output unchanged, linked from the previous output instead of written.
    public var reusedFiles = 0
}

/// scan -> parse -> index and resolve links -> render -> write.
public enum Pipeline {
    /// Builds the site and, when `write` is true and nothing failed, swaps it into the output folder.
    /// With a cache (``BuildOptions/cache``), a build whose inputs did not change since the last
    /// one does nothing, and files whose bytes did not change are linked from the current output.
    public static func run(_ options: BuildOptions, write: Bool) -> BuildReport {
        // Where the site may go is decided before anything else, and reported with the rest.
        var target = options.output
        var refusal: [Diagnostic] = []
        if write {
            switch OutputGuard(root: options.root, output: options.output, force: options.force).check() {
            case .success(let resolved): target = resolved
            case .failure(let problem): refusal = [problem]
            }
        }
        // git reads the history on a thread of its own while the pages are read.
        let history = PendingHistory.start(options)
        let found = scan(options)
        var cache: Incremental?
        var notes: [String] = []
        if write, refusal.isEmpty, let folder = options.cache, let found {
            let incremental = Incremental.start(BuildCache(folder: folder), options: options, found: found, history: history)
            notes += incremental.warnings
            if let report = incremental.upToDate(target) { return report }
            cache = incremental
        }
        var (site, files, diagnostics) = assemble(options, found: found, history: history)
        diagnostics = (diagnostics + refusal).sorted()
        let failed = diagnostics.hasErrors || (options.strict && !diagnostics.isEmpty)
        guard !failed, let site, let files else {
            return BuildReport(diagnostics: diagnostics, pageCount: site?.pages.count ?? 0, fileCount: 0, succeeded: false,
                               cacheWarnings: notes)
        }
        var clock = StageClock()
        defer { clock.lap(write ? "render, audit and write" : "render and audit") }
        let audit = LeakAudit(hidden: unpublishedPages(site, options), published: site.pages)
        let staticPaths = Set(site.staticFiles.map(\.contentPath))
        guard write else {
            let leaks = audit.findings(in: files.materialise(), staticFiles: staticPaths)
            return BuildReport(diagnostics: (diagnostics + leaks).sorted(), pageCount: site.pages.count, fileCount: files.paths.count,
                               succeeded: leaks.isEmpty, auditedPages: audit.pageCount, auditedPassages: audit.passageCount)
        }
        // Every file is audited as it is written (unless the cache shows it clean); a leak stops
        // the swap, so nothing is published.
        let leaks = Findings()
        let paths = files.paths
        let reuse = cache?.reuse(output: target, audit: audit, count: paths.count)
        cache?.forget()
        let written: Bool
        var cacheWarning: String?
        do {
            written = try OutputWriter(output: target).write(paths: paths, placements: { index in
                var contents: OutputFile.Contents
                if let reuse, let input = files.templateInput(at: index) {
                    // A page whose template context is unchanged is not even rendered.
                    if let placement = reuse.unchanged(at: index, path: paths[index],
                                                       key: reuse.renderKey(template: input.template, context: input.context)) {
                        return placement
                    }
                    contents = files.rendered(at: index, context: input.context)
                } else {
                    contents = files.contents(at: index)
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
            }, verify: { leaks.isEmpty }, swapped: {
                // Recorded before the lock goes, so that the manifest describes this build's output.
                if let cache, let reuse {
                    cacheWarning = cache.finish(pageCount: site.pages.count, quiet: diagnostics.isEmpty, reuse: reuse, paths: paths,
                                                staticPaths: staticPaths, output: target, audit: audit)
                }
            })
            clock.note("leak audit (CPU, summed over threads)", milliseconds: leaks.auditMilliseconds)
        } catch {
            let shown = OutputGuard(root: options.root, output: options.output, force: options.force).shownPath
            let problem = Diagnostic.error(SourceLocation(path: shown), "could not write the site: \(error.message)", hint: error.hint)
            return BuildReport(diagnostics: diagnostics + [problem], pageCount: site.pages.count, fileCount: 0, succeeded: false,
                               cacheWarnings: notes)
        }
        var report = BuildReport(diagnostics: (diagnostics + leaks.all).sorted(), pageCount: site.pages.count,
                                 fileCount: written ? paths.count : 0, succeeded: written,
                                 auditedPages: audit.pageCount, auditedPassages: audit.passageCount,
                                 cacheWarnings: notes + (cacheWarning.map { [$0] } ?? []))
        if written { report.reusedFiles = reuse?.linkedCount ?? 0 }
        return report
    }

    /// Everything but the write, scanning and reading the history itself.
    static func assemble(_ options: BuildOptions) -> (Site?, OutputSet?, [Diagnostic]) {
        assemble(options, found: scan(options), history: PendingHistory.start(options))
    }

    /// Everything but the write. Returns the site and files only when no stage had an error.
    static func assemble(_ options: BuildOptions, found: ContentScanner.Found?, history: PendingHistory?) -> (Site?, OutputSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(root: options.root, diagnostics: &diagnostics)
        let themeConfig = config ?? Config(title: "")
        let theme = loadTheme(themeConfig.theme, options: options, diagnostics: &diagnostics)
        let (site, problems) = index(config: themeConfig, options: options, found: found, history: history)
        diagnostics = (diagnostics + problems).sorted()
        guard config != nil, let theme, let site, !diagnostics.hasErrors else { return (site, nil, diagnostics) }
        let content = options.root.appendingPathComponent("content")
        let files = OutputSet(plan: RenderPlan(site: site, theme: theme), content: content, staticFiles: site.staticFiles)
        let collisions = files.collisions() + OutputNames.problems(site: site, paths: files.paths, content: content)
        guard collisions.isEmpty else { return (site, nil, (diagnostics + collisions).sorted()) }
        return (site, files, diagnostics)
    }

    /// The site as far as the index (every page parsed, links resolved, evidence checked), without
    /// the theme: what `copse evidence` reads. Nil when copse.yml or content/ cannot be read.
    public static func site(_ options: BuildOptions) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let config = loadConfig(root: options.root, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let (site, found) = index(config: config, options: options, found: scan(options), history: nil)
        return (site, (diagnostics + found).sorted())
    }
}

private extension Pipeline {
    /// The unpublished pages, parsed again for the leak audit (they parsed once already, with
    /// any problem reported then).
    static func unpublishedPages(_ site: Site, _ options: BuildOptions) -> [ParsedPage] {
        var ignored: [Diagnostic] = []
        return parse(site.unpublished, content: options.root.appendingPathComponent("content"),
                     options: site.config.markdown, diagnostics: &ignored, cache: options.parsed)
    }

    /// The scan stage; nil when there is no `content/` folder.
    static func scan(_ options: BuildOptions) -> ContentScanner.Found? {
        let content = options.root.appendingPathComponent("content")
        guard FileManager.default.fileExists(atPath: content.path) else { return nil }
        var clock = StageClock()
        defer { clock.lap("scan") }
        return ContentScanner(contentDirectory: content).scan()
    }

    /// parse -> index of what the scan `found`, then the last change of each page from `history`.
    static func index(config: Config, options: BuildOptions, found: ContentScanner.Found?,
                      history: PendingHistory?) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let content = options.root.appendingPathComponent("content")
        guard let found else {
            diagnostics.append(.error(SourceLocation(path: "content"), "there is no content/ folder",
                                      hint: "create content/ with an index.md, or pass --root with the hub's folder"))
            return (nil, diagnostics)
        }
        var clock = StageClock()
        diagnostics += found.diagnostics
        let parsed = parse(found.markdown, content: content, options: config.markdown, diagnostics: &diagnostics,
                           cache: options.parsed)
        options.parsed?.endBuild()
        clock.lap("parse")
        let parsedPaths = Set(parsed.map(\.contentPath))
        let unreadable = found.markdown.filter { !parsedPaths.contains($0) }
        let staticFiles = found.other.map { StaticFile(contentPath: $0) }
        var (site, indexDiagnostics) = SiteIndex.build(
            config: config, pages: parsed, staticFiles: staticFiles,
            options: SiteIndex.Options(includeDrafts: options.includeDrafts, today: options.today), unreadable: unreadable)
        clock.lap("index")
        if let git = history?.wait() {
            git.apply(to: &site)
            diagnostics += git.diagnostics()
            clock.lap("git history (waited)")
        }
        return (site, diagnostics + indexDiagnostics)
    }

    static func loadConfig(root: URL, diagnostics: inout [Diagnostic]) -> Config? {
        let url = root.appendingPathComponent(Config.fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(SourceLocation(path: Config.fileName), "copse.yml not found in \(root.path)",
                                      hint: "run copse in the hub's folder, pass --root DIR, or create copse.yml with at least 'title: Your hub'"))
            return nil
        }
        guard case .success(let text) = SourceText.decode([UInt8](data)) else {
            diagnostics.append(.error(SourceLocation(path: Config.fileName), "copse.yml is not UTF-8 text", hint: "save it as UTF-8"))
            return nil
        }
        // A config with problems is still used (they are reported; the build fails on them), so
        // that the rest of the hub is checked against what copse.yml does say.
        let (config, problems) = Config.read(text)
        diagnostics += problems
        return config
    }

    static func loadTheme(_ name: String, options: BuildOptions, diagnostics: inout [Diagnostic]) -> Theme? {
        switch Theme.load(name: name, searchPath: options.themeSearchPath, root: options.root) {
        case .success(let theme): return theme
        case .failure(let failure):
            diagnostics += failure.diagnostics
            return nil
        }
    }

    /// Reads and parses every Markdown file on all cores (cmark-gfm included, see
    /// ``SpecialCharacters`` in CopseMarkdown).
    static func parse(_ paths: [String], content: URL, options: Config.MarkdownSettings,
                      diagnostics: inout [Diagnostic], cache: ParseCache? = nil) -> [ParsedPage] {
        let markdownOptions = MarkdownOptions(unsafeHTML: options.unsafeHTML)
        let parsed = paths.parallelMap { path -> Result<ParsedPage, BuildFailure> in
            let source = "content/" + path
            guard let data = FileManager.default.contents(atPath: content.appendingPathComponent(path).path) else {
                return .failure(BuildFailure([.error(SourceLocation(path: source), "cannot read this file",
                                                     hint: "check its permissions (it must be readable by the user running copse)")]))
            }
            if let cache { return cache.page(source: source, contentPath: path, bytes: [UInt8](data), markdown: markdownOptions) }
            return PageParser.parse(source: source, contentPath: path, bytes: [UInt8](data), markdown: markdownOptions)
        }
        var pages: [ParsedPage] = []
        pages.reserveCapacity(parsed.count)
        for result in parsed {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }
        return pages
    }
}
