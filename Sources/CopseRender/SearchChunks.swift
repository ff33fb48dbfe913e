import Foundation

/// The words of each chunk of the search index's pages, kept between the builds of one process
/// (`copse serve`): a rebuild after an edit to one page's text tokenises only that page's chunk
/// again, then merges and writes the index as usual. A chunk is used only when its pages read as
/// before (their source, text and summaries, ``ViewModel/textParts(_:)``: strings that compare in
/// no time while they are the very strings of the last build); what else of a page
/// the words depend on is what a quick rebuild keeps unchanged.
package final class SearchChunks: @unchecked Sendable {
    private struct Kept {
        var key: [String]
        var vocabulary: SearchVocabulary
        var tokens: [SearchIndex.Tokens]
    }

    private let lock = NSLock()
    private var kept: [Int: Kept] = [:]

    package init() {}

    /// The chunk starting at page `start`, when it was kept with `key`.
    func chunk(at start: Int, key: [String]) -> (SearchVocabulary, [SearchIndex.Tokens])? {
        lock.withLock { kept[start].flatMap { $0.key == key ? ($0.vocabulary, $0.tokens) : nil } }
    }

    func keep(at start: Int, key: [String], vocabulary: SearchVocabulary, tokens: [SearchIndex.Tokens]) {
        lock.withLock { kept[start] = Kept(key: key, vocabulary: vocabulary, tokens: tokens) }
    }
}
