import CopseCore

/// The build cache's binary form of a ``CopseCore/LinkedSite`` without its pages' parse (each
/// placed page names its parsed page by its place in the parse's list instead): what the index
/// and link stages made, every field in declaration order (see ``ByteWriter``). Decoding checks
/// every read, and every page number against the pages there are; bytes that are not exactly
/// one encoded site decode as nil.
///
/// A field added to a type written here must be written and read here, and ``formatVersion``
/// bumped: the layout in ``fingerprint`` changes with the field, so a cache written before is
/// not read, and `LinkedSiteFileTests` round-trips a site that sets every field.
enum LinkedSiteCoding {
    static let formatVersion: UInt64 = 2

    /// The format version and the memory layout of the types written, so that a file written
    /// for other types is never read.
    static let fingerprint: ContentHash = {
        var hasher = Hasher128()
        hasher.add("copse linked site \(formatVersion)")
        for size in [MemoryLayout<IndexedSite>.size, MemoryLayout<LinkedSite>.size, MemoryLayout<PlacedPage>.size,
                     MemoryLayout<Community>.size, MemoryLayout<ResolvedLink>.size, MemoryLayout<CrossLinks>.size,
                     MemoryLayout<CrossLinks.Tag>.size, MemoryLayout<EvidenceItem>.size, MemoryLayout<HiddenReason>.size,
                     MemoryLayout<StaticFile>.size] {
            hasher.add(UInt64(size))
        }
        return hasher.finish()
    }()

    /// `parsed`: the pages the site was indexed from, in the order the index was given them.
    static func encode(_ linked: LinkedSite, parsed: [ParsedPage]) -> [UInt8]? {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(parsed.count)
        for (position, page) in parsed.enumerated() { positions[page.source] = position }
        let site = linked.indexed
        var writer = ByteWriter(capacity: 256 * site.pages.count + 64 * linked.links.reduce(0) { $0 + $1.count })
        writer.count(parsed.count)
        var missing = false
        writer.list(site.pages) { writer, page in
            guard let position = positions[page.parsed.source] else { missing = true; return }
            writer.count(position)
            writer.string(page.kind.rawValue)
            writer.optional(page.community) { $0.string($1) }
            writer.optional(page.founding) { $0.string($1.rawValue) }
            writer.string(page.title)
            writer.optional(page.date) { $0.day($1) }
            writer.string(page.outputPath)
            writer.bool(page.isDraft)
        }
        guard !missing else { return nil }
        writer.list(site.communities) { $0.community($1) }
        writer.list(site.draftCommunities) { $0.community($1) }
        writer.optional(site.home) { $0.count($1.index) }
        writer.pages(site.hubResources)
        writer.pages(site.hubDocuments)
        writer.strings(site.staticFiles.map(\.contentPath))
        writer.list(site.hidden.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value.word)
            writer.bool(entry.value.wholeCommunity)
        }
        writer.strings(site.unreadable.sorted())
        // Links repeat their addresses and titles (many pages link to the same few): each text is
        // written once, and read once into a string every link to it shares.
        var table: [String] = []
        var numbers: [String: Int] = [:]
        func number(_ text: String) -> Int {
            if let known = numbers[text] { return known }
            numbers[text] = table.count
            table.append(text)
            return table.count - 1
        }
        let linkNumbers = linked.links.map { links in links.map { (number($0.path), number($0.fragment), number($0.title)) } }
        writer.strings(table)
        writer.list(Array(zip(linked.links, linkNumbers))) { writer, page in
            writer.list(Array(zip(page.0, page.1))) { writer, link in
                writer.count(link.1.0)
                writer.count(link.1.1)
                writer.optional(link.0.page) { $0.count($1.index) }
                writer.count(link.1.2)
                writer.bool(link.0.isBroken)
            }
        }
        writer.strings(linked.staticFiles.map(\.contentPath))
        writer.crossLinks(linked.crossLinks)
        writer.list(linked.evidence) { writer, item in
            writer.count(item.page.index)
            writer.optional(item.community) { $0.string($1) }
            writer.string(item.conference)
            writer.string(item.summary)
            writer.strings(item.principles)
            writer.optional(item.purpose) { $0.string($1) }
            writer.optional(item.value) { $0.string($1.rawValue) }
            writer.optional(item.kind) { $0.string($1) }
            writer.optional(item.date) { $0.day($1) }
        }
        return writer.bytes
    }

    /// The site `encode` wrote, its pages' parse taken from `parsed`; `config` and `today` are
    /// the build's (the cache file is found by a key that covers both).
    static func decode(_ bytes: UnsafeRawBufferPointer, parsed: [ParsedPage], config: Config, today: Day) -> LinkedSite? {
        var reader = ByteReader(bytes)
        do throws(ByteReader.Damaged) {
            guard try reader.natural() == parsed.count else { return nil }
            let pages = try reader.list { reader throws(ByteReader.Damaged) -> PlacedPage in
                let position = try reader.natural()
                guard position < parsed.count, let kind = PageKind(rawValue: try reader.string()) else { throw ByteReader.Damaged() }
                let community = try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() }
                let founding = try reader.optional { reader throws(ByteReader.Damaged) -> FoundingDocument in
                    guard let founding = FoundingDocument(rawValue: try reader.string()) else { throw ByteReader.Damaged() }
                    return founding
                }
                return PlacedPage.restored(parsed: parsed[position], kind: kind, community: community, founding: founding,
                                           title: try reader.string(),
                                           date: try reader.optional { reader throws(ByteReader.Damaged) in try reader.day() },
                                           outputPath: try reader.string(), isDraft: try reader.bool())
            }
            let count = pages.count
            let communities = try reader.list { reader throws(ByteReader.Damaged) in try reader.community(pages: count) }
            let draftCommunities = try reader.list { reader throws(ByteReader.Damaged) in try reader.community(pages: count) }
            let home = try reader.optional { reader throws(ByteReader.Damaged) in try reader.page(of: count) }
            let hubResources = try reader.pages(of: count)
            let hubDocuments = try reader.pages(of: count)
            let staticFiles = try reader.strings().map(StaticFile.init(contentPath:))
            var hidden: [String: HiddenReason] = [:]
            for (path, reason) in try reader.list({ reader throws(ByteReader.Damaged) in
                (try reader.string(), HiddenReason(word: try reader.string(), wholeCommunity: try reader.bool()))
            }) {
                hidden[path] = reason
            }
            let unreadable = Set(try reader.strings())
            let table = try reader.strings()
            let text = { (reader: inout ByteReader) throws(ByteReader.Damaged) -> String in
                let number = try reader.natural()
                guard number < table.count else { throw ByteReader.Damaged() }
                return table[number]
            }
            let links = try reader.list { reader throws(ByteReader.Damaged) in
                try reader.list { reader throws(ByteReader.Damaged) -> ResolvedLink in
                    var link = ResolvedLink(path: try text(&reader), fragment: try text(&reader),
                                            page: try reader.optional { reader throws(ByteReader.Damaged) in try reader.page(of: count) },
                                            title: try text(&reader))
                    link.isBroken = try reader.bool()
                    return link
                }
            }
            guard links.count == count else { return nil }
            let published = try reader.strings().map(StaticFile.init(contentPath:))
            let crossLinks = try reader.crossLinks(pages: count)
            // Read for every page: one list each.
            guard crossLinks.backlinks.count == count else { return nil }
            let evidence = try reader.list { reader throws(ByteReader.Damaged) -> EvidenceItem in
                EvidenceItem.restored(
                    page: try reader.page(of: count),
                    community: try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() },
                    conference: try reader.string(), summary: try reader.string(), principles: try reader.strings(),
                    purpose: try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() },
                    value: try reader.optional { reader throws(ByteReader.Damaged) -> ValueStage in
                        guard let value = ValueStage(rawValue: try reader.string()) else { throw ByteReader.Damaged() }
                        return value
                    },
                    kind: try reader.optional { reader throws(ByteReader.Damaged) in try reader.string() },
                    date: try reader.optional { reader throws(ByteReader.Damaged) in try reader.day() })
            }
            guard reader.isAtEnd else { return nil }
            let indexed = IndexedSite.restored(config: config, today: today, pages: pages, communities: communities,
                                               draftCommunities: draftCommunities, home: home, hubResources: hubResources,
                                               hubDocuments: hubDocuments, staticFiles: staticFiles, hidden: hidden,
                                               unreadable: unreadable)
            return LinkedSite.restored(indexed: indexed, links: links, staticFiles: published, crossLinks: crossLinks,
                                       evidence: evidence)
        } catch {
            return nil
        }
    }
}

private extension ByteWriter {
    mutating func pages(_ ids: [PageID]) { list(ids) { $0.count($1.index) } }

    mutating func community(_ community: Community) {
        string(community.id)
        string(community.title)
        optional(community.profile) { $0.count($1.index) }
        pages(community.documents)
        pages(community.meetings)
        pages(community.resources)
    }

    mutating func crossLinks(_ links: CrossLinks) {
        list(links.backlinks) { $0.pages($1) }
        list(links.usedBy.sorted { $0.key < $1.key }) { writer, entry in
            writer.count(entry.key.index)
            writer.strings(entry.value)
        }
        list(links.meetingResources.sorted { $0.key < $1.key }) { writer, entry in
            writer.count(entry.key.index)
            writer.pages(entry.value)
        }
        list(links.tags) { writer, tag in
            writer.string(tag.slug)
            writer.string(tag.name)
            writer.pages(tag.pages)
        }
        list(links.slugs.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value)
        }
    }
}

private extension ByteReader {
    /// A page number, which must name one of the `count` pages.
    mutating func page(of count: Int) throws(Damaged) -> PageID {
        let index = try natural()
        guard index < count else { throw Damaged() }
        return PageID(index)
    }

    mutating func pages(of count: Int) throws(Damaged) -> [PageID] {
        try list { reader throws(Damaged) in try reader.page(of: count) }
    }

    mutating func community(pages count: Int) throws(Damaged) -> Community {
        Community.restored(id: try string(), title: try string(),
                           profile: try optional { reader throws(Damaged) in try reader.page(of: count) },
                           documents: try pages(of: count), meetings: try pages(of: count), resources: try pages(of: count))
    }

    mutating func crossLinks(pages count: Int) throws(Damaged) -> CrossLinks {
        let backlinks = try list { reader throws(Damaged) in try reader.pages(of: count) }
        var usedBy: [PageID: [String]] = [:]
        for (page, users) in try list({ reader throws(Damaged) in (try reader.page(of: count), try reader.strings()) }) {
            usedBy[page] = users
        }
        var meetingResources: [PageID: [PageID]] = [:]
        for (page, resources) in try list({ reader throws(Damaged) in (try reader.page(of: count), try reader.pages(of: count)) }) {
            meetingResources[page] = resources
        }
        let tags = try list { reader throws(Damaged) in
            CrossLinks.Tag.restored(slug: try reader.string(), name: try reader.string(), pages: try reader.pages(of: count))
        }
        var links = CrossLinks(backlinks: backlinks, usedBy: usedBy, meetingResources: meetingResources, tags: tags)
        for (key, value) in try list({ reader throws(Damaged) in (try reader.string(), try reader.string()) }) {
            links.slugs[key] = value
        }
        return links
    }
}
