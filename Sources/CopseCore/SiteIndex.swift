/// The index stage: places every parsed page, drops what must not be published, groups
/// communities, checks dates and output paths, then resolves every link.
package enum SiteIndex {
    package struct Options: Sendable {
        package var includeDrafts: Bool
        package var today: Day

        package init(includeDrafts: Bool = false, today: Day) {
            self.includeDrafts = includeDrafts
            self.today = today
        }
    }

    /// Output paths copse writes itself; a page or file that maps to one of them is an error. The
    /// feeds, calendars, sitemap and robots.txt are reserved too (see ``DiscoveryFiles``).
    package static let reservedOutputs = ["resources/index.html": "the resource commons", "404.html": "the not-found page"]

    /// Output folders copse fills itself: the other views of the commons, and the tag pages.
    package static let reservedFolders = ["resources/a-z/": "the commons from A to Z", "resources/kind/": "the commons by kind",
                                         "resources/tag/": "the commons by tag", "tags/": "the tag pages",
                                         "evidence/": "the conference evidence", "health/": "the hub health page",
                                         "search/": "the search page and its index"]

    /// Index then link, without git history: the finished site, as `copse evidence` and the tests
    /// read it. `unreadable`: see ``index(config:pages:staticFiles:options:unreadable:)``.
    package static func build(config: Config, pages parsed: [ParsedPage], staticFiles: [StaticFile],
                             options: Options, unreadable: [String] = []) -> Checked<Site> {
        index(config: config, pages: parsed, staticFiles: staticFiles, options: options, unreadable: unreadable)
            .then { link($0, parsed: parsed) }
            .map { Site(linked: $0) }
    }

    /// The index stage. `unreadable`: Markdown files (relative to `content/`) that could not be
    /// read or parsed. Their problems are reported where they were found; here they still count
    /// as existing, so links to them and their community raise no further errors.
    package static func index(config: Config, pages parsed: [ParsedPage], staticFiles: [StaticFile],
                             options: Options, unreadable: [String] = []) -> Checked<IndexedSite> {
        var diagnostics: [Diagnostic] = []
        let placements = parsed.parallelMap { PagePlacement(contentPath: $0.contentPath) }
        let hidden = hiddenPages(parsed, placements, includeDrafts: options.includeDrafts)
        // Under --drafts, every page of a draft community is a draft too: previewed as its own
        // page, listed nowhere else.
        // By position here and below: a ParsedPage copied out retains each of its parts.
        let draftCommunities = Set(parsed.indices.compactMap { index in
            placements[index].kind == .community && parsed[index].frontMatter.draft == true ? placements[index].community : nil
        })
        var pages: [PlacedPage] = []
        pages.reserveCapacity(parsed.count)
        for (page, placement) in zip(parsed, placements) where hidden[page.contentPath] == nil {
            var date = page.frontMatter.date
            if placement.kind == .meeting {
                let checked = meetingDate(page)
                date = checked.value
                diagnostics += checked.diagnostics
            }
            let title = page.frontMatter.title ?? page.markdown.title
                ?? (placement.kind == .home ? config.title : fallbackTitle(page.contentPath, placement))
            pages.append(PlacedPage(parsed: page, kind: placement.kind, community: placement.community,
                                    founding: placement.founding, title: title, date: date,
                                    outputPath: placement.outputPath,
                                    isDraft: page.frontMatter.draft == true || placement.community.map(draftCommunities.contains) == true))
        }
        let hiddenFolders = Set(hidden.compactMap { path, reason in
            reason.wholeCommunity ? PagePlacement(contentPath: path).community.map { "communities/\($0)/" } : nil
        })
        let published = staticFiles.filter { file in !hiddenFolders.contains { file.contentPath.hasPrefix($0) } }
        let unreadable = Set(unreadable)
        // The output checks and the grouping only read the pages: done at once.
        let (checks, groups) = inParallel({ [pages] () -> [Diagnostic] in
            let clashes = folderPageClashes(parsed)
            return clashes.diagnostics + duplicateOutputs(pages, published, skipping: clashes.outputs)
        }, { [pages] in group(pages, today: options.today, unreadable: unreadable) })
        diagnostics += checks
        for index in pages.indices where !pages[index].parsed.markdown.imagesWithoutDescription.isEmpty {
            diagnostics += undescribedImages(pages[index])
        }
        diagnostics += groups.diagnostics
        let indexed = IndexedSite(config: config, today: options.today, pages: pages, communities: groups.communities,
                                  draftCommunities: groups.draftCommunities, home: groups.home,
                                  hubResources: groups.hubResources, hubDocuments: groups.hubDocuments,
                                  staticFiles: published, hidden: hidden, unreadable: unreadable)
        return Checked(indexed, diagnostics.sorted())
    }

    /// The link stage: resolves every link of every page, then works out what follows from the
    /// links: the files only unpublished pages use (withheld), the cross-links and the evidence.
    /// `parsed`: every page that parsed, published or not (an unpublished page's links decide
    /// which files are withheld).
    package static func link(_ site: IndexedSite, parsed: [ParsedPage]) -> Checked<LinkedSite> {
        let resolver = LinkResolver(site: site, contentPaths: parsed.map(\.contentPath) + site.unreadable.sorted())
        let resolved = resolver.resolveAll(site)
        let links = resolved.value ?? []
        let (crossLinks, (withheld, evidence)) = inParallel({ CrossLinks.build(site, links: links) }, {
            (WithheldFiles.find(site: site, links: links, parsed: parsed), EvidenceIndex.build(site))
        })
        let linked = LinkedSite(indexed: site, links: links,
                                staticFiles: withheld.isEmpty ? site.staticFiles : site.staticFiles.filter { !withheld.contains($0.contentPath) },
                                crossLinks: crossLinks, evidence: evidence.value ?? [])
        return Checked(linked, (resolved.diagnostics + evidence.diagnostics).sorted())
    }
}

/// Why a page is not published.
package struct HiddenReason: Sendable, Equatable {
    package var word: String
    /// A hidden `community.md` hides its whole community.
    package var wholeCommunity: Bool

    package init(word: String, wholeCommunity: Bool) {
        self.word = word
        self.wholeCommunity = wholeCommunity
    }
}

private extension SiteIndex {
    static func hiddenPages(_ pages: [ParsedPage], _ placements: [PagePlacement], includeDrafts: Bool) -> [String: HiddenReason] {
        var hidden: [String: HiddenReason] = [:]
        var hiddenCommunities: [String: String] = [:]
        for index in pages.indices {
            let word: String? = pages[index].frontMatter.private == true ? "private"
                : (pages[index].frontMatter.draft == true && !includeDrafts ? "draft" : nil)
            guard let word else { continue }
            let placement = placements[index]
            hidden[pages[index].contentPath] = HiddenReason(word: word, wholeCommunity: placement.kind == .community)
            if placement.kind == .community, let community = placement.community { hiddenCommunities[community] = word }
        }
        guard !hiddenCommunities.isEmpty else { return hidden }
        for index in pages.indices where hidden[pages[index].contentPath] == nil {
            if let community = placements[index].community, let word = hiddenCommunities[community] {
                hidden[pages[index].contentPath] = HiddenReason(word: word, wholeCommunity: false)
            }
        }
        return hidden
    }

    /// A warning for each image a reader who cannot see it would miss: `![](photo.png)`.
    static func undescribedImages(_ page: PlacedPage) -> [Diagnostic] {
        page.parsed.markdown.imagesWithoutDescription.map { position in
            .warning(SourceLocation(path: page.parsed.source, line: position.line + page.parsed.bodyLineOffset,
                                    column: position.column),
                     "this image has no description (alt text), so a reader who cannot see it misses it",
                     hint: "say what it shows: ![Pupils pairing at one screen](photo.png); if it is only decoration, write ![\"\"](photo.png)")
        }
    }

    static func meetingDate(_ page: ParsedPage) -> Checked<Day> {
        let fromName = PagePlacement.dateFromFileName(page.contentPath)
        if let date = page.frontMatter.date {
            guard let fromName, fromName != date else { return Checked(date) }
            return Checked(date, [.warning(page.location(ofKey: "date"),
                "the date \(date.iso) differs from the date in the file name (\(fromName.iso))",
                hint: "rename the file or correct the date; the front-matter date is used")])
        }
        if let fromName { return Checked(fromName) }
        return .failed([.error(SourceLocation(path: page.source), "meeting notes have no date",
            hint: "add 'date: YYYY-MM-DD' to the front matter, or start the file name with the date (2026-11-24-topic.md)")])
    }

    static func fallbackTitle(_ contentPath: String, _ placement: PagePlacement) -> String {
        if placement.kind == .community, let community = placement.community {
            return PagePlacement.humanise(community)
        }
        let parts = PathBytes.parts(contentPath)
        // A folder's README is named after its folder.
        if PagePlacement.isReadme(contentPath), parts.count >= 2 { return PagePlacement.humanise(String(parts[parts.count - 2])) }
        let stem = parts.last.map { String($0.dropLast(3)) } ?? contentPath
        return PagePlacement.humanise(stem)
    }

    /// The first letters of the reserved folders: an output starting with another letter (most
    /// do) is in none of them.
    static let reservedFolderInitials = Set(reservedFolders.keys.compactMap(\.utf8.first))

    /// The reserved folder `output` is in, if any.
    static func reservedFolder(of output: String) -> (key: String, value: String)? {
        guard let initial = output.utf8.first, reservedFolderInitials.contains(initial) else { return nil }
        return reservedFolders.first { output.hasPrefix($0.key) }
    }

    static func duplicateOutputs(_ pages: [PlacedPage], _ files: [StaticFile], skipping: Set<String>) -> [Diagnostic] {
        var owners: [String: [String]] = [:]
        owners.reserveCapacity(pages.count + files.count)
        // By position: a PlacedPage copied out retains each of its parts.
        for index in pages.indices { owners[pages[index].outputPath, default: []].append(pages[index].parsed.source) }
        for file in files { owners[file.contentPath, default: []].append("content/" + file.contentPath) }
        // Each meeting's own calendar file sits beside its page (see DiscoveryFiles.meetingCalendar).
        var meetingCalendars: [String: Int] = [:]
        meetingCalendars.reserveCapacity(pages.count)
        for index in pages.indices where pages[index].kind == .meeting {
            meetingCalendars[DiscoveryFiles.meetingCalendar(pageOutputPath: pages[index].outputPath)] = index
        }
        var diagnostics: [Diagnostic] = []
        for (output, sources) in owners {
            let folder = reservedFolder(of: output)
            let discovery = DiscoveryFiles.use(of: output)
                ?? meetingCalendars[output].map { "the calendar file of the meeting '\(pages[$0].title)'" }
            if let generated = reservedOutputs[output] ?? discovery
                ?? folder.map({ "\($0.value) (\($0.key))" }) {
                let hint = discovery == nil ? "rename or move the file"
                    : "copse writes this file itself when copse.yml has a base_url: delete yours, or rename it if it is something else"
                for source in sources {
                    diagnostics.append(.error(SourceLocation(path: source),
                        "this \(source.hasSuffix(".md") ? "page" : "file") would be written to \(output), which copse uses for \(generated)",
                        hint: hint))
                }
            } else if sources.count > 1, !skipping.contains(output) {
                for source in sources {
                    let others = sources.filter { $0 != source }.joined(separator: "', '")
                    diagnostics.append(.error(SourceLocation(path: source),
                        "this page and '\(others)' would both be written to \(output)",
                        hint: "rename or move one of them so that each has its own address"))
                }
            }
        }
        return diagnostics
    }
}
