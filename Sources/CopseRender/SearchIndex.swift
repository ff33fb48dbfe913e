import CopseCore
import Foundation

/// `search/index.js`: the search index, loaded by the search page as a script (so that it works
/// from `file://`, where `fetch()` does not). It holds every published page's title, address,
/// community, kind, date, full text, tags and conference evidence; drafts are left out even when
/// previewed.
///
/// The text is stored compactly: the distinct words of the whole site, most frequent first, in
/// one string (`words`), and each page's text as a string of word numbers written with
/// ``SearchCode`` (one character for the 64 most frequent words, two for the next 1,792...).
/// The terms the words are found by (``SearchTerms``) and their stems (``SearchStemmer``) come
/// with them (``SearchTermTable``). The script rebuilds the words, and from them snippets, when
/// it loads. See docs/search.md.
enum SearchIndex {
    static let path = "search/index.js"
    static let version = 2

    static func javaScript(_ model: ViewModel) -> String {
        let sources = Self.sources(model.site)
        let evidence = Dictionary(model.site.evidence.map { ($0.page, $0) }, uniquingKeysWith: { first, _ in first })
        // Tokenise in parallel, one vocabulary per chunk of pages, then merge the vocabularies.
        let chunkSize = max(64, sources.count / 16)
        let chunks = stride(from: 0, to: sources.count, by: chunkSize).map { $0..<min($0 + chunkSize, sources.count) }
        var tokenised = chunks.parallelMap { chunk -> (SearchVocabulary, [Tokens]) in
            // Kept from the last build when the chunk's pages say the same.
            let key = model.searchChunks.map { _ in chunkKey(sources[chunk], model, evidence: evidence) }
            if let key, let kept = model.searchChunks?.chunk(at: chunk.lowerBound, key: key) { return kept }
            var vocabulary = SearchVocabulary()
            let tokens = sources[chunk].map { source -> Tokens in
                var tokens = Tokens()
                guard case .page(let index) = source else { return tokens }
                if let summary = model.site.pages[index].parsed.frontMatter.summary {
                    SearchText.tokenize(summary, html: false, into: &tokens.text, vocabulary: &vocabulary)
                }
                SearchText.tokenize(model.contentHTML(model.site.pages[index], root: ""), html: true, into: &tokens.text,
                                    vocabulary: &vocabulary)
                if let item = evidence[index] {
                    SearchText.tokenize(item.summary, html: false, into: &tokens.evidence, vocabulary: &vocabulary)
                }
                tokens.text.shrink()
                tokens.evidence.shrink()
                return tokens
            }
            if let key { model.searchChunks?.keep(at: chunk.lowerBound, key: key, vocabulary: vocabulary, tokens: tokens) }
            return (vocabulary, tokens)
        }
        var vocabulary = SearchVocabulary()
        let mappings = tokenised.map { vocabulary.merge($0.0) }
        for chunk in tokenised.indices { tokenised[chunk].0 = SearchVocabulary() }
        let (order, rank) = vocabulary.ranking()
        let words = order.map { String(decoding: vocabulary.token($0), as: UTF8.self) }
        let conferences = model.site.config.conferences
        let conferenceIndex = Dictionary(conferences.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let principles = model.site.config.principles
        let terms = SearchTermTable(words: words)
        var out = "window.copseSearchIndex = {\"version\":\(version),\"alphabet\":\"\(SearchCode.alphabet)\","
        out += "\"terminals\":\(SearchCode.terminals),\"communities\":["
        out += model.site.communities.map { "[\(quoted($0.id)),\(quoted($0.title))]" }.joined(separator: ",")
        out += "],\"kinds\":["
        out += SearchKind.allCases.map { "[\(quoted($0.rawValue)),\(quoted($0.label))]" }.joined(separator: ",")
        out += "],\"conferences\":["
        out += conferences.map { "[\(quoted($0.id)),\(quoted($0.name))]" }.joined(separator: ",")
        out += "],\"principles\":[" + principles.map(quoted).joined(separator: ",") + "]"
        out += ",\"words\":" + quoted(words.joined(separator: " "))
        out += ",\"terms\":" + quoted(terms.terms.joined(separator: " "))
        out += ",\"wordTerms\":\"" + terms.wordTerms + "\""
        out += ",\"stems\":" + quoted(terms.stems.joined(separator: " "))
        out += ",\"pages\":[\n"
        // The pages are written straight into the index, one chunk after another, each chunk's
        // word numbers released once written: the index is never held twice, nor beside every
        // page's numbers. The estimate only reserves address space: untouched pages of a large
        // block cost no memory.
        let packed = tokenised.reduce(0) { total, chunk in chunk.1.reduce(total) { $0 + $1.text.byteCount + $1.evidence.byteCount } }
        out.reserveCapacity(out.utf8.count + 2 * packed + 256 * sources.count + 64)
        // A few chunks at a time, one per core, each written into a part of its own, then the
        // parts in order; each chunk's word numbers go once its part is written.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var first = true
        for start in stride(from: 0, to: tokenised.count, by: cores) {
            let group = Array(start..<min(start + cores, tokenised.count))
            let tokens = group.map { tokenised[$0].1 }
            for chunk in group { tokenised[chunk].1 = [] }
            let parts = Array(group.indices).parallelMap { position -> [UInt8] in
                let chunk = group[position]
                var part: [UInt8] = []
                part.reserveCapacity(tokens[position].reduce(0) { $0 + 2 * ($1.text.byteCount + $1.evidence.byteCount) + 256 })
                func add(_ text: String) { part.append(contentsOf: text.utf8) }
                for (offset, tokens) in tokens[position].enumerated() {
                    if offset > 0 { add(",\n") }
                    let source = sources[chunks[chunk].lowerBound + offset]
                    let entry = Self.entry(source, model)
                    add("[\(quoted(entry.url)),\(quoted(entry.title)),\(entry.community),\(entry.kind.index),")
                    add("\(quoted(entry.date?.iso ?? "")),\(quoted(entry.date?.long ?? "")),\"")
                    SearchCode.append(tokens.text, mapping: mappings[chunk], rank: rank, to: &part)
                    add("\"")
                    let item: EvidenceItem? = if case .page(let index) = source { evidence[index] } else { nil }
                    if !entry.tags.isEmpty || item != nil {
                        add(",[" + entry.tags.map(quoted).joined(separator: ",") + "]")
                    }
                    if let item {
                        add(",[\(conferenceIndex[item.conference] ?? -1),[")
                        add(item.principles.compactMap { principles.firstIndex(of: $0).map(String.init) }.joined(separator: ","))
                        add("],\"")
                        SearchCode.append(tokens.evidence, mapping: mappings[chunk], rank: rank, to: &part)
                        add("\"]")
                    }
                    add("]")
                }
                return part
            }
            for part in parts where !part.isEmpty {
                if !first { out += ",\n" }
                first = false
                out += String(decoding: part, as: UTF8.self)
            }
        }
        out += "\n]};\n"
        return out
    }
}

/// What the search filters by "kind", in the order the filter lists them.
enum SearchKind: String, CaseIterable {
    case community, charter, norms, planning, meeting, resource, page

    var label: String {
        switch self {
        case .community: "Community"
        case .charter: "Charter"
        case .norms: "Norms"
        case .planning: "Planning document"
        case .meeting: "Meeting notes"
        case .resource: "Resource"
        case .page: "Page"
        }
    }

    var index: Int { Self.allCases.firstIndex(of: self)! }

    init(_ page: SitePage) {
        switch page.kind {
        case .community: self = .community
        case .meeting: self = .meeting
        case .resource: self = .resource
        case .home: self = .page
        case .document:
            switch page.founding {
            case .charter: self = .charter
            case .norms: self = .norms
            case .some: self = .planning
            case nil: self = .page
            }
        }
    }
}

extension SearchIndex {
    /// A page's text and its evidence summary, as word numbers of its chunk's vocabulary.
    struct Tokens: Sendable {
        var text = PackedWordIDs()
        var evidence = PackedWordIDs()
    }
}

private extension SearchIndex {
    /// What an entry of the index is made from: a published page, or the home page copse makes
    /// for a community without `community.md` (its title only).
    enum Source: Sendable {
        case page(PageID)
        case generatedCommunity(Int)
    }


    struct Entry {
        var url: String
        var title: String
        /// Index into the index's communities, or -1.
        var community: Int
        var kind: SearchKind
        var date: Day?
        var tags: [String] = []
    }

    /// Everything the words of a chunk of `sources` are made from (see ``SearchChunks``): for each
    /// page, its text (``ViewModel/textParts(_:)``), its evidence summary, and the address, title
    /// and state of each link its text shows; a mark for a community home copse makes.
    static func chunkKey(_ sources: ArraySlice<Source>, _ model: ViewModel, evidence: [PageID: EvidenceItem]) -> [String] {
        var key: [String] = []
        for source in sources {
            guard case .page(let index) = source else {
                key.append("\u{1}")
                continue
            }
            key += model.textParts(index)
            key.append(evidence[index]?.summary ?? "\u{0}")
            let links = model.site.pages[index].resolvedLinks  // in place, not the whole page copied out
            key.append(String(links.count))
            for link in links {
                key.append(link.url(root: ""))
                key.append(link.title)
                key.append(link.isBroken ? "broken" : "found")
            }
        }
        return key
    }

    static func sources(_ site: Site) -> [Source] {
        site.pages.ids.filter { !site.pages[$0].isDraft }.map(Source.page)
            + site.communities.indices.filter { site.communities[$0].profile == nil }.map(Source.generatedCommunity)
    }

    static func entry(_ source: Source, _ model: ViewModel) -> Entry {
        switch source {
        case .page(let index):
            // Read in place (a SitePage copied out retains each of its parts).
            let pages = model.site.pages
            return Entry(url: pages[index].outputPath, title: pages[index].title,
                         community: pages[index].community.flatMap { model.communityIndex[$0] } ?? -1,
                         kind: SearchKind(pages[index]), date: pages[index].date, tags: pages[index].parsed.frontMatter.tags ?? [])
        case .generatedCommunity(let index):
            let community = model.site.communities[index]
            return Entry(url: community.outputPath, title: community.title, community: index, kind: .community, date: nil)
        }
    }

    static func quoted(_ text: String) -> String { JSONValue.quoted(text) }
}
