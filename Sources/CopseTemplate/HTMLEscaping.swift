/// HTML escaping for `{{variable}}`, on UTF-8 bytes; text without special characters is
/// returned unchanged.
package enum HTMLEscaping {
    /// Every template is compiled as if it began with this pragma. copse once rendered with
    /// swift-mustache, which needed it to pick this escaping; keeping it keeps the whitespace of
    /// each template's first line exactly as it was (the pragma shares that line, so a tag there
    /// is never standalone), and the parity tests feed swift-mustache the same text.
    package static let pragma = "{{% CONTENT_TYPE: COPSE_HTML }}"

    package static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
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

    /// Appends `text` escaped to `out`: what `out += escape(text)` does, without handing the
    /// text back (and retaining it) when nothing in it needs escaping, as most text does.
    package static func append(_ text: String, escapedTo out: inout String) {
        if needsEscaping(text) { out += escape(text) } else { out += text }
    }

    static func needsEscaping(_ text: String) -> Bool {
        let utf8 = text.utf8
        // The contiguous buffer is read eight bytes at a time.
        return utf8.withContiguousStorageIfAvailable(hasSpecialByte) ?? utf8.contains(where: isSpecial)
    }

    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Whether any byte is one `escape` replaces. Each word of eight bytes is tested for `"`, for
    /// `&` or `'` (0x26 and 0x27 differ only in their lowest bit) and for `<` or `>` (0x3C and
    /// 0x3E differ only in bit 1), each with the usual test for a zero byte: exact, for whether
    /// there is one.
    static func hasSpecialByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if hasZero(word ^ (ones &* 0x22)) || hasZero((word | ones) ^ (ones &* 0x27)) || hasZero((word | (ones << 1)) ^ (ones &* 0x3E)) {
                return true
            }
            offset += 8
        }
        while offset < bytes.count {
            if isSpecial(bytes[offset]) { return true }
            offset += 1
        }
        return false
    }
}
