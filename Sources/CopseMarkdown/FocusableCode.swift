/// A code block keeps its lines as written, so a long line scrolls sideways inside the block on a
/// phone; a keyboard can scroll only what it can focus, so every `<pre>` gets `tabindex="0"`.
/// (A `<pre>` written as raw HTML, when raw HTML is allowed, gets it too.)
enum FocusableCode {
    static let plain = Array("<pre>".utf8)
    static let focusable = Array("<pre tabindex=\"0\">".utf8)

    /// One pass over the bytes; text without code blocks is returned as it is.
    static func apply(_ html: String) -> String {
        var source = html
        let changed: [UInt8]? = source.withUTF8 { bytes in
            var out: [UInt8] = []
            var copiedUpTo = 0
            var index = 0
            let last = bytes.count - plain.count
            while index <= last {
                guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "p"),
                      bytes[(index + 2)..<(index + plain.count)].elementsEqual(plain[2...]) else {
                    index += 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: bytes[copiedUpTo..<index])
                out.append(contentsOf: focusable)
                index += plain.count
                copiedUpTo = index
            }
            guard copiedUpTo > 0 else { return nil }
            out.append(contentsOf: bytes[copiedUpTo...])
            return out
        }
        guard let changed else { return html }
        return String(decoding: changed, as: UTF8.self)
    }
}
