import CopseCore

/// `search/index.js`: the search index, loaded by the search page as a script (so that it works
/// from `file://`, where `fetch()` does not). It holds every published page's title, address,
/// community, kind, date and full text; drafts are left out even when previewed.
///
/// The text is stored compactly: the distinct words of the whole site, most frequent first, in
/// one string (`words`), and each page's text as a string of word numbers written with
/// ``SearchCode`` (one character for the 64 most frequent words, two for the next 1,792...).
/// The script rebuilds the words, and from them snippets, when it loads. See docs/search.md.
enum SearchIndex {
    static let path = "search/index.js"
    static let version = 1

    static func javaScript(_ model: ViewModel) -> String {
        let entries = Self.entries(model)
        // Tokenise in parallel, one vocabulary per chunk of pages, then merge the vocabularies.
        let chunkSize = max(64, entries.count / 16)
        let chunks = stride(from: 0, to: entries.count, by: chunkSize).map { start in
            Array(entries[start..<min(start + chunkSize, entries.count)])
        }
        let tokenised = chunks.parallelMap { chunk -> (SearchVocabulary, [[Int32]]) in
            var vocabulary = SearchVocabulary()
            let ids = chunk.map { entry -> [Int32] in
                var ids: [Int32] = []
                if let summary = entry.summary { SearchText.tokenize(summary, html: false, into: &ids, vocabulary: &vocabulary) }
                SearchText.tokenize(entry.html, html: true, into: &ids, vocabulary: &vocabulary)
                return ids
            }
            return (vocabulary, ids)
        }
        var vocabulary = SearchVocabulary()
        let mappings = tokenised.map { vocabulary.merge($0.0) }
        let (order, rank) = vocabulary.ranking()

        var out = "window.copseSearchIndex = {\"version\":\(version),\"alphabet\":\"\(SearchCode.alphabet)\","
        out += "\"terminals\":\(SearchCode.terminals),\"communities\":["
        out += model.site.communities.map { "[\(quoted($0.id)),\(quoted($0.title))]" }.joined(separator: ",")
        out += "],\"kinds\":["
        out += SearchKind.allCases.map { "[\(quoted($0.rawValue)),\(quoted($0.label))]" }.joined(separator: ",")
        out += "],\"words\":"
        out += quoted(order.map { String(decoding: vocabulary.token($0), as: UTF8.self) }.joined(separator: " "))
        out += ",\"pages\":[\n"
        var position = 0
        for (chunk, (_, pageIDs)) in tokenised.enumerated() {
            for ids in pageIDs {
                let entry = entries[position]
                if position > 0 { out += ",\n" }
                out += "[\(quoted(entry.url)),\(quoted(entry.title)),\(entry.community),\(entry.kind.index),\(quoted(entry.date?.iso ?? "")),\(quoted(entry.date?.long ?? "")),\""
                SearchCode.append(ids.map { rank[Int(mappings[chunk][Int($0)])] }, to: &out)
                out += "\"]"
                position += 1
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

private extension SearchIndex {
    struct Entry: Sendable {
        var url: String
        var title: String
        /// Index into the index's communities, or -1.
        var community: Int
        var kind: SearchKind
        var date: Day?
        var summary: String?
        var html: String
    }

    static func entries(_ model: ViewModel) -> [Entry] {
        let site = model.site
        var entries: [Entry] = site.pages.filter { !$0.isDraft }.map { page in
            Entry(url: page.outputPath, title: page.title, community: page.community.flatMap { model.communityIndex[$0] } ?? -1,
                  kind: SearchKind(page), date: page.date, summary: page.parsed.frontMatter.summary,
                  html: model.contentHTML(page, root: ""))
        }
        for (index, community) in site.communities.enumerated() where community.profile == nil {
            entries.append(Entry(url: community.outputPath, title: community.title, community: index, kind: .community,
                                 date: nil, summary: nil, html: ""))
        }
        return entries
    }

    static func quoted(_ text: String) -> String { JSONValue.quoted(text) }
}
