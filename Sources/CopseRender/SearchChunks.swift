import CopseCore
import Foundation

/// The words of each chunk of the search index's pages (each part of the index, see
/// ``SearchIndex``), kept for the next build: in memory between the builds of one process
/// (`copse serve`), and in a ``SearchChunkStore`` (the build cache, on disk) between builds. A
/// part whose pages' text is unchanged is not made again at all; this spares tokenising a part
/// whose pages' text is the same but that is made again for another reason (a title its pages
/// show changed, say): only the chunks whose words changed are tokenised again.
///
/// A chunk is used only when its key is the one it was made with: everything its words are made
/// from (``SearchIndex/chunkKey(_:_:evidence:)``: each page's source, rendered Markdown, summary,
/// the titles and addresses its links show, its evidence summary). In memory the key's strings
/// are compared, which costs nothing while they are the very strings of the last build; a store
/// compares a hash of them.
package final class SearchChunks: @unchecked Sendable {
    private struct Kept {
        var key: [String]
        var vocabulary: SearchVocabulary
        var tokens: [SearchIndex.Tokens]
    }

    private let lock = NSLock()
    private var kept: [Int: Kept] = [:]
    private let store: (any SearchChunkStore)?
    private let inMemory: Bool

    /// `store`: where chunks are looked for when they are not in memory, and saved when made.
    /// `inMemory`: whether chunks are kept in memory too, for the next build of this process (a
    /// build that is the last of its process frees each chunk's words once they are written).
    package init(store: (any SearchChunkStore)? = nil, inMemory: Bool = true) {
        self.store = store
        self.inMemory = inMemory
    }

    /// The chunk starting at page `start`, when it was kept, or saved, with `key`.
    func chunk(at start: Int, key: [String]) -> (SearchVocabulary, [SearchIndex.Tokens])? {
        if let kept = lock.withLock({ kept[start] }), kept.key == key { return (kept.vocabulary, kept.tokens) }
        guard let saved = store?.chunk(at: start, key: key), let (vocabulary, tokens) = saved.words else { return nil }
        if inMemory { lock.withLock { kept[start] = Kept(key: key, vocabulary: vocabulary, tokens: tokens) } }
        return (vocabulary, tokens)
    }

    /// Where each chunk of `site`'s search index starts (the page it starts at, counting the
    /// pages the index holds): the chunks a store may keep. A chunk is a run of a part's pages
    /// (see ``SearchIndex/wordRun``).
    package static func starts(_ site: Site) -> [Int] {
        SearchIndex.runStarts(site)
    }

    /// Keeps a chunk just made, and saves it in the store.
    func keep(at start: Int, key: [String], vocabulary: SearchVocabulary, tokens: [SearchIndex.Tokens]) {
        if inMemory { lock.withLock { kept[start] = Kept(key: key, vocabulary: vocabulary, tokens: tokens) } }
        store?.save(Saved(vocabulary: vocabulary, tokens: tokens), at: start, key: key)
    }
}

/// Where ``SearchChunks`` are saved between builds (the build cache). A chunk is found only under
/// the start and key it was saved with; anything wrong with what was saved means it is not found.
package protocol SearchChunkStore: Sendable {
    func chunk(at start: Int, key: [String]) -> SearchChunks.Saved?
    func save(_ chunk: SearchChunks.Saved, at start: Int, key: [String])
}

extension SearchChunks {
    /// A chunk's words as a store keeps them: each distinct word's bytes, one after another
    /// (`starts`: where each begins, and where the last ends), how often each occurs, and each
    /// page's text and evidence summary as packed word numbers (see ``PackedWordIDs``).
    package struct Saved: Sendable, Equatable {
        package var arena: [UInt8]
        package var starts: [Int]
        package var counts: [Int]
        package var text: [[UInt8]]
        package var evidence: [[UInt8]]

        package init(arena: [UInt8], starts: [Int], counts: [Int], text: [[UInt8]], evidence: [[UInt8]]) {
            self.arena = arena
            self.starts = starts
            self.counts = counts
            self.text = text
            self.evidence = evidence
        }

        init(vocabulary: SearchVocabulary, tokens: [SearchIndex.Tokens]) {
            self.init(arena: vocabulary.arena, starts: vocabulary.starts, counts: vocabulary.counts,
                      text: tokens.map(\.text.bytes), evidence: tokens.map(\.evidence.bytes))
        }

        /// The vocabulary and tokens, when they hold together (every word number names a word);
        /// nil otherwise, and the chunk is made again.
        var words: (SearchVocabulary, [SearchIndex.Tokens])? {
            guard text.count == evidence.count, let vocabulary = SearchVocabulary(arena: arena, starts: starts, counts: counts)
            else { return nil }
            var tokens: [SearchIndex.Tokens] = []
            tokens.reserveCapacity(text.count)
            for (text, evidence) in zip(text, evidence) {
                guard let text = PackedWordIDs(bytes: text, below: vocabulary.count),
                      let evidence = PackedWordIDs(bytes: evidence, below: vocabulary.count) else { return nil }
                tokens.append(SearchIndex.Tokens(text: text, evidence: evidence))
            }
            return (vocabulary, tokens)
        }
    }
}
