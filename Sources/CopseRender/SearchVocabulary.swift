/// The words of the search index: every distinct whitespace-separated token of the indexed
/// text, kept as bytes in one arena, with how often each occurs. Tokens keep their case and
/// punctuation, so that the browser can rebuild readable snippets from them; the search script
/// folds case and punctuation itself when it loads the index.
struct SearchVocabulary {
    /// Every token's bytes, one after another.
    private(set) var arena: [UInt8] = []
    /// Where token `id` starts in `arena`; token `id` ends where `id + 1` starts.
    private(set) var starts: [Int] = [0]
    /// How often each token occurs.
    private(set) var counts: [Int] = []
    /// The ids by the FNV-1a hash of their bytes: an open-addressing table (a power of two long,
    /// at most half full, -1 for an empty slot) probed one slot after another. A slot's id is
    /// taken only when its hash (``hashes``) and its bytes match, so two tokens never share an id.
    private var slots: [Int32] = []
    /// The hash of each id's bytes.
    private var hashes: [UInt64] = []

    var count: Int { counts.count }

    init() {}

    /// A vocabulary read back from its parts (see ``SearchChunks/Saved``), when they hold together:
    /// each word's bytes in order and non-empty, each counted at least once. It is ranked and
    /// read, never added to: its words are not hashed again.
    init?(arena: [UInt8], starts: [Int], counts: [Int]) {
        guard starts.count == counts.count + 1, starts.first == 0, starts.last == arena.count else { return nil }
        for id in counts.indices {
            guard starts[id] < starts[id + 1], counts[id] > 0 else { return nil }
        }
        self.arena = arena
        self.starts = starts
        self.counts = counts
    }

    /// The id of `token`, adding it when new, and counts one more occurrence.
    mutating func add(_ token: UnsafeBufferPointer<UInt8>) -> Int32 { add(token, occurrences: 1) }

    /// The words of consecutive runs of pages, and their pages' words, as one vocabulary and one
    /// list: each run's words added in order with their counts, each page's ids made the merged
    /// ones. The same words, counts and ids as tokenising the runs' pages one after another into
    /// one vocabulary.
    static func merged(_ runs: [(SearchVocabulary, [SearchIndex.Tokens])]) -> (SearchVocabulary, [SearchIndex.Tokens]) {
        guard runs.count > 1 else { return runs.first ?? (SearchVocabulary(), []) }
        var vocabulary = SearchVocabulary()
        var tokens: [SearchIndex.Tokens] = []
        tokens.reserveCapacity(runs.reduce(0) { $0 + $1.1.count })
        for (words, pages) in runs {
            let ids = (0..<words.count).map { id in words.token(id).withUnsafeBufferPointer { vocabulary.add($0, occurrences: words.counts[id]) } }
            for page in pages {
                var merged = SearchIndex.Tokens()
                page.text.forEach { merged.text.append(ids[Int($0)]) }
                page.evidence.forEach { merged.evidence.append(ids[Int($0)]) }
                merged.text.shrink()
                merged.evidence.shrink()
                tokens.append(merged)
            }
        }
        return (vocabulary, tokens)
    }

    /// The id of `token`, adding it when new, and counts `occurrences` more of it.
    mutating func add(_ token: UnsafeBufferPointer<UInt8>, occurrences: Int) -> Int32 {
        let hash = Self.hash(token)
        if 2 * (hashes.count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Self.slot(of: hash, mask: mask)
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, matches(id, token) {
                counts[id] += occurrences
                return Int32(id)
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(counts.count)
        slots[slot] = id
        hashes.append(hash)
        arena.append(contentsOf: token)
        starts.append(arena.count)
        counts.append(occurrences)
        return id
    }

    /// The bytes of token `id`.
    func token(_ id: Int) -> ArraySlice<UInt8> { arena[starts[id]..<starts[id + 1]] }

    /// Ids from most to least frequent (ties by bytes, so the order never depends on the input's),
    /// and the rank of each id in that order.
    func ranking() -> (order: [Int], rank: [Int32]) {
        let order = (0..<count).sorted { left, right in
            counts[left] != counts[right] ? counts[left] > counts[right] : token(left).lexicographicallyPrecedes(token(right))
        }
        var rank = [Int32](repeating: 0, count: count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }
        return (order, rank)
    }
}

private extension SearchVocabulary {
    /// A hash of a word read eight bytes at a time (most words are one or two such reads). Only
    /// where words are kept depends on it, never their ids: two words are told apart by their bytes.
    static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9e37_79b9_7f4a_7c15 ^ UInt64(token.count)
        guard let base = token.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= token.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < token.count {
            var tail: UInt64 = 0
            for shift in 0..<(token.count - offset) { tail |= UInt64(base[offset + shift]) << (8 * shift) }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0xbf58_476d_1ce4_e5b9
        return product ^ (product >> 31)
    }

    /// The slot a hash starts at: its high bits, mixed, so that tokens differing in their last
    /// bytes spread out.
    static func slot(of hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask }

    /// Twice the slots (at least 256), every id placed again.
    mutating func grow() {
        let size = max(256, slots.count * 2)
        slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Self.slot(of: hash, mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    func matches(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == token.count else { return false }
        var index = 0
        while index < token.count {
            if arena[start + index] != token[index] { return false }
            index += 1
        }
        return true
    }
}
