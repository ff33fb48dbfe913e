import Foundation

/// Reads what ``ByteWriter`` wrote, checking every read against the end of the bytes: damaged
/// input throws ``Damaged``, never reads out of bounds, never traps, and never allocates more
/// than the input could hold.
struct ByteReader {
    struct Damaged: Error {}

    let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    var remaining: Int { bytes.count - position }

    mutating func unsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[position]
            position += 1
            let part = UInt64(byte & 0x7F)
            // The tenth byte may hold only the top bit.
            guard shift < 63 || part <= 1 else { throw Damaged() }
            value |= part << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(Damaged) -> Int {
        let zigzag = try unsigned()
        let wide = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
        guard let value = Int(exactly: wide) else { throw Damaged() }
        return value
    }

    /// A size or an offset: any number an `Int` holds, not below zero.
    mutating func natural() throws(Damaged) -> Int {
        let value = try unsigned()
        guard value <= UInt64(Int.max) else { throw Damaged() }
        return Int(value)
    }

    /// A count of things that each take at least `unit` bytes: more than the bytes left could
    /// hold is damage (and is never allocated).
    mutating func count(unit: Int = 1) throws(Damaged) -> Int {
        precondition(unit > 0)
        let value = try unsigned()
        guard value <= UInt64(remaining / unit) else { throw Damaged() }
        return Int(value)
    }

    mutating func byte() throws(Damaged) -> UInt8 {
        guard position < bytes.count else { throw Damaged() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func bool() throws(Damaged) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Damaged()
        }
    }

    mutating func fixed() throws(Damaged) -> UInt64 {
        guard remaining >= 8 else { throw Damaged() }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func hash() throws(Damaged) -> ContentHash {
        let high = try fixed()
        return ContentHash(high: high, low: try fixed())
    }

    /// UTF-8 text; bytes that are not UTF-8 are damage. (Decoding replaces what is not UTF-8,
    /// so the text holds exactly the bytes read only when they were UTF-8; `String(validating:)`
    /// would say so too, but takes a slow generic path, ten thousand times a build.)
    /// ASCII bytes, most text, decode as they are: only other text is compared after decoding.
    mutating func string() throws(Damaged) -> String {
        let bytes = try slice(count()).assumingMemoryBound(to: UInt8.self)
        var text = String(decoding: bytes, as: UTF8.self)
        guard Self.isASCII(UnsafeRawBufferPointer(bytes))
                || text.withUTF8({ $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) })
        else { throw Damaged() }
        return text
    }

    /// Whether every byte is below 0x80, eight at a time.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    mutating func slice(_ length: Int) throws(Damaged) -> UnsafeRawBufferPointer {
        guard length >= 0, length <= remaining else { throw Damaged() }
        defer { position += length }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)])
    }

    @inline(__always)
    mutating func optional<Value>(_ read: (inout ByteReader) throws(Damaged) -> Value) throws(Damaged) -> Value? {
        try bool() ? try read(&self) : nil
    }

    @inline(__always)
    mutating func list<Element>(_ read: (inout ByteReader) throws(Damaged) -> Element) throws(Damaged) -> [Element] {
        let count = try count()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws(Damaged) -> [String] { try list { reader throws(Damaged) in try reader.string() } }

    /// Checks for a fixed sequence of bytes (a file's magic).
    mutating func expect(_ expected: some Collection<UInt8>) throws(Damaged) {
        let found = try slice(expected.count)
        guard found.elementsEqual(expected) else { throw Damaged() }
    }
}
