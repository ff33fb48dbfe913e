/// Appends values to a byte buffer in the parse cache's binary format (read back by
/// ``ByteReader``): unsigned numbers as LEB128 varints, signed ones zigzagged first, strings and
/// lists as a count then their contents, optionals as a presence byte then the value.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zigzag: small negative numbers stay short.
    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Eight bytes, little-endian.
    mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func hash(_ value: ContentHash) {
        fixed(value.high)
        fixed(value.low)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    @inline(__always)
    mutating func optional<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(&self, value)
    }

    @inline(__always)
    mutating func list<Element>(_ values: [Element], _ write: (inout ByteWriter, Element) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { list(values) { $0.string($1) } }

    mutating func raw(_ values: some Sequence<UInt8>) { bytes.append(contentsOf: values) }

    /// Appends the checksum of everything written so far (``Checksum64/body(of:)`` checks it).
    mutating func seal() { fixed(bytes.withUnsafeBytes { Checksum64.of($0) }) }
}
