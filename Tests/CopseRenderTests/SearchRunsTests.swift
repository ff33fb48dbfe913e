@testable import CopseRender
import Testing

/// With a cache, a part of the search index is tokenised in runs of pages that are kept apart
/// and then merged; the merge must give exactly what tokenising the pages in one go gives.
@Suite struct SearchRunsTests {
    /// Pages sharing some words and not others, one with an evidence summary, one empty.
    static let pages: [(text: String, evidence: String?)] = [
        ("<p>Pair programming in the spring term</p>", "Pupils paired well"),
        ("<p>Spring planning: loops, lists and pair work</p>", nil),
        ("", nil),
        ("<h2>Loops</h2><p>Loops again, and lists; unplugged sorting</p>", "Sorting games helped"),
        ("<p>Ünïcode wörds and the spring term, twice: spring term</p>", nil),
        ("<p>Sorting, searching and pair programming</p>", "Search was hard"),
    ]

    static func tokenize(_ pages: ArraySlice<(text: String, evidence: String?)>) -> (SearchVocabulary, [SearchIndex.Tokens]) {
        var vocabulary = SearchVocabulary()
        let tokens = pages.map { page -> SearchIndex.Tokens in
            var tokens = SearchIndex.Tokens()
            SearchText.tokenize(page.text, html: true, into: &tokens.text, vocabulary: &vocabulary)
            if let evidence = page.evidence { SearchText.tokenize(evidence, html: false, into: &tokens.evidence, vocabulary: &vocabulary) }
            return tokens
        }
        return (vocabulary, tokens)
    }

    static func words(_ vocabulary: SearchVocabulary) -> [(String, Int)] {
        (0..<vocabulary.count).map { (String(decoding: vocabulary.token($0), as: UTF8.self), vocabulary.counts[$0]) }
    }

    @Test(arguments: [1, 2, 3, 4]) func runsMergedAreThePagesTokenisedAtOnce(run: Int) {
        let (whole, wholeTokens) = Self.tokenize(Self.pages[...])
        let runs = stride(from: 0, to: Self.pages.count, by: run).map { Self.tokenize(Self.pages[$0..<min($0 + run, Self.pages.count)]) }
        let (merged, mergedTokens) = SearchVocabulary.merged(runs)
        #expect(Self.words(merged).map(\.0) == Self.words(whole).map(\.0))
        #expect(Self.words(merged).map(\.1) == Self.words(whole).map(\.1))
        #expect(merged.ranking().order == whole.ranking().order)
        #expect(mergedTokens.map { Array($0.text) } == wholeTokens.map { Array($0.text) })
        #expect(mergedTokens.map { Array($0.evidence) } == wholeTokens.map { Array($0.evidence) })
        // Each run numbered its words from 0: the merge had ids to change.
        if run < Self.pages.count {
            #expect(runs.flatMap { $0.1.map { Array($0.text) } } != wholeTokens.map { Array($0.text) })
        }
    }
}
