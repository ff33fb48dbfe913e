import Mustache

/// HTML escaping for `{{variable}}` that works on UTF-8 bytes and returns text without special
/// characters unchanged. swift-mustache's built-in escaper hashes every character into a
/// dictionary, which made escaping a large share of the render stage.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "COPSE_HTML"
    /// Put at the start of every template so that it, and every partial, escapes with this type.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    static let registered: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
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
