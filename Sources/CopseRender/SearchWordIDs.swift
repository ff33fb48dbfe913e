/// Where ``SearchText`` puts the word numbers of a text: an array, or ``PackedWordIDs``.
protocol WordIDSink {
    mutating func append(_ id: Int32)
}

extension Array: WordIDSink where Element == Int32 {}

/// A page's word numbers, seven bits to a byte (LEB128): the numbers of a chunk's vocabulary are
/// mostly below 16,384, so a word takes one or two bytes here against four in an `[Int32]`.
/// The search index holds the numbers of every page at once until it writes them: at 10,000
/// pages that was the largest allocation of the build.
struct PackedWordIDs: WordIDSink, Sequence, Sendable {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// Numbers read back from their bytes (see ``SearchChunks/Saved``), when the bytes are whole
    /// numbers each below `count`.
    init?(bytes: [UInt8], below count: Int) {
        var index = 0
        while index < bytes.count {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard index < bytes.count, shift <= 28 else { return nil }
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            guard value < UInt64(count) else { return nil }
        }
        self.bytes = bytes
    }

    mutating func append(_ id: Int32) {
        var value = UInt32(bitPattern: id)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    var byteCount: Int { bytes.count }

    /// Gives back the spare capacity that growing by doubling left (a copy of the bytes: `Array`
    /// of an array would share its buffer).
    mutating func shrink() {
        if bytes.capacity > bytes.count + 16 { bytes = bytes.withUnsafeBufferPointer { Array($0) } }
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    /// Calls `body` with every number, in order, reading the bytes in place.
    func forEach(_ body: (Int32) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count { body(Self.number(in: bytes, at: &index)) }
        }
    }

    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var index = 0

        mutating func next() -> Int32? {
            guard index < bytes.count else { return nil }
            return bytes.withUnsafeBufferPointer { PackedWordIDs.number(in: $0, at: &index) }
        }
    }

    /// The number that starts at `index`, moving `index` past it.
    static func number(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Int32 {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let byte = bytes[index]
            index += 1
            value |= UInt32(byte & 0x7f) << shift
            guard byte & 0x80 != 0 else { return Int32(bitPattern: value) }
            shift += 7
        }
    }
}
