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
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
