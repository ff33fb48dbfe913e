/// Escaping for XML text and double-quoted attribute values (the feeds and the sitemap), on
/// UTF-8 bytes. Characters XML 1.0 does not allow at all (control characters other than tab,
/// line feed and carriage return; U+FFFE and U+FFFF) are left out, so that any page text makes
/// a well-formed document.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: needsWork) else { return String(decoding: bytes, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                default:
                    if let length = invalidLength(bytes, at: index - 1) {
                        index += length - 1
                    } else {
                        out.append(byte)
                    }
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `text` as a CDATA section: for a feed's HTML content, which escaping would make a third
    /// longer. A `]]>` inside is split across two sections; characters XML cannot hold are left out.
    static func cdata(_ text: String) -> String {
        var out = ""
        appendCDATA(text, to: &out)
        return out
    }

    /// Appends ``cdata(_:)`` of `text` to `out`, without an intermediate copy when `text` holds
    /// nothing to split or leave out (nearly always).
    static func appendCDATA(_ text: String, to out: inout String) {
        var text = text
        let clean = text.withUTF8(isPlainCDATA)
        if clean {
            out += "<![CDATA["
            out += text
            out += "]]>"
            return
        }
        out += text.withUTF8 { bytes in
            var section: [UInt8] = []
            section.reserveCapacity(bytes.count + 16)
            section.append(contentsOf: "<![CDATA[".utf8)
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let skip: Int
                if byte == 0x5D, index + 2 < bytes.count, bytes[index + 1] == 0x5D, bytes[index + 2] == 0x3E {
                    section.append(contentsOf: bytes[run..<index])
                    section.append(contentsOf: "]]]]><![CDATA[>".utf8)
                    skip = 3
                } else if let length = invalidLength(bytes, at: index) {
                    section.append(contentsOf: bytes[run..<index])
                    skip = length
                } else {
                    index += 1
                    continue
                }
                index += skip
                run = index
            }
            section.append(contentsOf: bytes[run...])
            section.append(contentsOf: "]]>".utf8)
            return String(decoding: section, as: UTF8.self)
        }
    }
}

private extension XMLEscaping {
    /// The length of a character XML 1.0 cannot hold at `index`, or nil.
    static func invalidLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? nil : 1 }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
            return 3
        }
        return nil
    }

    static func needsWork(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF
            || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
    }
}

extension XMLEscaping {
    /// Whether a CDATA section can hold `bytes` as they are: no `]` (which could end it), no 0xEF
    /// (which begins U+FFFE and U+FFFF) and no control character but tab, line feed and carriage
    /// return. Read eight bytes at a time (a page's whole text, in every feed that shows it): a
    /// word is tested for `]` and 0xEF with the usual test for a zero byte, and looked at byte by
    /// byte only when it holds a byte below 0x20 (a line break, usually).
    static func isPlainCDATA(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let isTrouble = { (byte: UInt8) in byte == 0x5D || byte == 0xEF || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) }
        guard let base = bytes.baseAddress else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasBelow(_ limit: UInt64, _ word: UInt64) -> Bool { (word &- ones &* limit) & ~word & highs != 0 }
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if hasBelow(1, word ^ (ones &* 0x5D)) || hasBelow(1, word ^ (ones &* 0xEF)) { return false }
            if hasBelow(0x20, word) {
                for index in offset..<(offset + 8) where isTrouble(bytes[index]) { return false }
            }
            offset += 8
        }
        for index in offset..<bytes.count where isTrouble(bytes[index]) { return false }
        return true
    }
}
