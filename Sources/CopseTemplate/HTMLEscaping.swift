/// HTML escaping for `{{variable}}`, on UTF-8 bytes; text without special characters is
/// returned unchanged.
package enum HTMLEscaping {
    /// Every template is compiled as if it began with this pragma. copse once rendered with
    /// swift-mustache, which needed it to pick this escaping; keeping it keeps the whitespace of
    /// each template's first line exactly as it was (the pragma shares that line, so a tag there
    /// is never standalone), and the parity tests feed swift-mustache the same text.
    package static let pragma = "{{% CONTENT_TYPE: COPSE_HTML }}"

    package static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        let special = { (byte: UInt8) in byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        // The contiguous buffer is scanned several times faster than the generic UTF-8 view.
        guard utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? utf8.contains(where: special) else {
            return text
        }
        var copy = text
        return copy.withUTF8 { bytes in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            // The runs between special characters are copied whole.
            var start = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
