/// A set of 64-bit hashes that answers "certainly not here" with one bit: the leak audit asks it
/// for every run of five words in the site, and almost every answer is no, so the dictionary
/// behind it is only asked about the rare run that might be there.
struct HashFilter: Sendable {
    private static let bits = 22
    private var words: [UInt64]

    init(_ hashes: some Sequence<UInt64>) {
        words = Array(repeating: 0, count: (1 << Self.bits) / 64)
        for hash in hashes {
            let bit = Self.bit(hash)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// False when `hash` is certainly not in the set; true when it may be.
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Self.bit(hash)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    @inline(__always)
    private static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash ^ (hash >> 29)) & ((1 << UInt64(bits)) - 1))
    }
}
