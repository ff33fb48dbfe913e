import CopseCore
import Foundation

/// The search index, loaded by the search page as scripts (so that it works from `file://`,
/// where `fetch()` does not): `search/index.js`, which names the communities, kinds of page,
/// conferences and principles the search filters by, and the parts that hold the pages
/// (`search/index-1.js`, `index-2.js`, ...), which the search script loads in turn. Every
/// published page's title, address, community, kind, date, full text, tags and conference
/// evidence is in one part; drafts are left out even when previewed.
///
/// The pages are split into parts of a sixteenth of the site each (at least 64 pages), so that
/// an edit to one page's text makes one part again (a part reads only its own pages' text), and
/// the parts of a large site are made on all cores. Each part stores its text compactly: its
/// distinct words, most frequent first, in one string (`words`), and each page's text as a
/// string of word numbers written with ``SearchCode`` (one character for the 64 most frequent
/// words, two for the next 1,792...). The terms the words are found by (``SearchTerms``) and their
/// stems (``SearchStemmer``) come with them (``SearchTermTable``). The script merges the parts'
/// words and rebuilds snippets from them when it loads. See docs/search.md.
enum SearchIndex {
    static let path = "search/index.js"
    static let version = 3

    /// Part `number` (from 1), relative to the site root, and to the search page.
    static func partPath(_ number: Int) -> String { "search/" + partName(number) }
    static func partName(_ number: Int) -> String { "index-\(number).js" }

    /// How many parts the index of `site` has.
    static func partCount(_ site: Site) -> Int { chunks(sources(site).count).count }

    /// Where each run of pages whose words are kept together starts (see ``wordRun``), counting
    /// the pages the index holds.
    static func runStarts(_ site: Site) -> [Int] {
        chunks(sources(site).count).flatMap { chunk in stride(from: chunk.lowerBound, to: chunk.upperBound, by: wordRun) }
    }

    /// How many pages' words are tokenised and kept together (see ``SearchChunks``): a part's
    /// pages are split in runs of this many, so that an edit to one page tokenises its run
    /// again, not the whole part, and the runs' words are then merged.
    static let wordRun = 64

    /// `search/index.js`: what the search filters by, and the parts to load.
    static func javaScript(_ model: ViewModel) -> String {
        let conferences = model.site.config.conferences
        var out = "window.copseSearchIndex = {\"version\":\(version),\"alphabet\":\"\(SearchCode.alphabet)\","
        out += "\"terminals\":\(SearchCode.terminals),\"communities\":["
        out += model.site.communities.map { "[\(quoted($0.id)),\(quoted($0.title))]" }.joined(separator: ",")
        out += "],\"kinds\":["
        out += SearchKind.allCases.map { "[\(quoted($0.rawValue)),\(quoted($0.label))]" }.joined(separator: ",")
        out += "],\"conferences\":["
        out += conferences.map { "[\(quoted($0.id)),\(quoted($0.name))]" }.joined(separator: ",")
        out += "],\"principles\":[" + model.site.config.principles.map(quoted).joined(separator: ",") + "]"
        out += ",\"parts\":[" + (0..<partCount(model.site)).map { quoted(partName($0 + 1)) }.joined(separator: ",") + "]};\n"
        return out
    }

    /// Part `number` (from 1) of the index: its pages, their words and their terms.
    static func part(_ number: Int, _ model: ViewModel) -> String {
        let sources = Self.sources(model.site)
        let chunks = Self.chunks(sources.count)
        guard chunks.indices.contains(number - 1) else { return "" }
        let chunk = chunks[number - 1]
        let evidence = Dictionary(model.site.evidence.map { ($0.page, $0) }, uniquingKeysWith: { first, _ in first })
        let (vocabulary, tokens) = words(sources[chunk], start: chunk.lowerBound, model, evidence: evidence)
        let (order, rank) = vocabulary.ranking()
        let words = order.map { String(decoding: vocabulary.token($0), as: UTF8.self) }
        let conferenceIndex = Dictionary(model.site.config.conferences.enumerated().map { ($0.element.id, $0.offset) },
                                         uniquingKeysWith: { first, _ in first })
        let principles = model.site.config.principles
        let terms = SearchTermTable(words: words)
        var head = "(window.copseSearchParts = window.copseSearchParts || []).push({\"part\":\(number)"
        head += ",\"words\":" + quoted(words.joined(separator: " "))
        head += ",\"terms\":" + quoted(terms.terms.joined(separator: " "))
        head += ",\"wordTerms\":\"" + terms.wordTerms + "\""
        head += ",\"stems\":" + quoted(terms.stems.joined(separator: " "))
        head += ",\"pages\":[\n"
        var out: [UInt8] = []
        out.reserveCapacity(head.utf8.count + tokens.reduce(0) { $0 + 2 * ($1.text.byteCount + $1.evidence.byteCount) + 256 } + 8)
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        add(head)
        for (offset, tokens) in tokens.enumerated() {
            if offset > 0 { add(",\n") }
            let source = sources[chunk.lowerBound + offset]
            let entry = Self.entry(source, model)
            add("[\(quoted(entry.url)),\(quoted(entry.title)),\(entry.community),\(entry.kind.index),")
            add("\(quoted(entry.date?.iso ?? "")),\(quoted(entry.date?.long ?? "")),\"")
            SearchCode.append(tokens.text, rank: rank, to: &out)
            add("\"")
            let item: EvidenceItem? = if case .page(let index) = source { evidence[index] } else { nil }
            if !entry.tags.isEmpty || item != nil {
                add(",[" + entry.tags.map(quoted).joined(separator: ",") + "]")
            }
            if let item {
                add(",[\(conferenceIndex[item.conference] ?? -1),[")
                add(item.principles.compactMap { principles.firstIndex(of: $0).map(String.init) }.joined(separator: ","))
                add("],\"")
                SearchCode.append(tokens.evidence, rank: rank, to: &out)
                add("\"]")
            }
            add("]")
        }
        add("\n]});\n")
        return String(decoding: out, as: UTF8.self)
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

    /// The pages of each part: a sixteenth of the site, at least 64 pages.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let size = max(64, count / 16)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// The words of a part's pages: with ``SearchChunks``, those of each run of ``wordRun``
    /// pages, tokenised or kept from the last build when the run's pages say the same, merged;
    /// without, tokenised at once (the same words and counts either way).
    static func words(_ sources: ArraySlice<Source>, start: Int, _ model: ViewModel,
                      evidence: [PageID: EvidenceItem]) -> (SearchVocabulary, [Tokens]) {
        guard model.searchChunks != nil, sources.count > wordRun else { return runWords(sources, model, evidence: evidence) }
        let runs = stride(from: sources.startIndex, to: sources.endIndex, by: wordRun).map { first in
            runWords(sources[first..<min(first + wordRun, sources.endIndex)], model, evidence: evidence)
        }
        return SearchVocabulary.merged(runs)
    }

    /// The words of a run of pages (it starts at `sources.startIndex`), tokenised, or kept from
    /// the last build when the pages say the same (see ``SearchChunks``).
    static func runWords(_ sources: ArraySlice<Source>, _ model: ViewModel,
                         evidence: [PageID: EvidenceItem]) -> (SearchVocabulary, [Tokens]) {
        let start = sources.startIndex
        let key = model.searchChunks.map { _ in chunkKey(sources, model, evidence: evidence) }
        if let key, let kept = model.searchChunks?.chunk(at: start, key: key) { return kept }
        var vocabulary = SearchVocabulary()
        let tokens = sources.map { source -> Tokens in
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
        if let key { model.searchChunks?.keep(at: start, key: key, vocabulary: vocabulary, tokens: tokens) }
        return (vocabulary, tokens)
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
