import CopseCore
import Foundation

/// Fits a page's rendered Markdown inside another page (the evidence pack): headings move down
/// below the host's own, and every id and same-page `#fragment` gets a prefix, so that the ids
/// of many pages never clash.
///
/// The HTML comes from cmark-gfm, which escapes `<` and `"` in text, so `<h2`, ` id="` and
/// `href="#` only ever occur in markup. One pass over the bytes: the pack embeds thousands of
/// pages on a large hub.
enum HTMLEmbedding {
    static func embed(_ html: String, idPrefix: String, headingShift: Int) -> String {
        let prefix = Array(idPrefix.utf8)
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            // Every change starts at a `<` (a heading tag) or has its `=` three or four bytes in
            // (` id="`, `href="#`): only those bytes are visited, and the text between them is
            // copied in runs. `decided` is where the last change ended.
            var copied = 0
            var decided = 0
            var tag = bytes.index(of: UInt8(ascii: "<"), from: 0)
            var equals = bytes.index(of: UInt8(ascii: "="), from: 0)
            while tag < bytes.count || equals < bytes.count {
                if tag < equals {
                    if let level = headingLevel(bytes, at: tag) {
                        let digit = tag + (bytes[tag + 1] == UInt8(ascii: "/") ? 3 : 2)
                        out.append(contentsOf: bytes[copied..<digit])
                        out.append(UInt8(ascii: "0") + UInt8(min(level + headingShift, 6)))
                        copied = digit + 1
                        decided = copied
                    }
                    tag = bytes.index(of: UInt8(ascii: "<"), from: tag + 1)
                } else {
                    let end = equals - 3 >= decided && bytes.matches(idAttribute, at: equals - 3) ? equals - 3 + idAttribute.count
                        : equals - 4 >= decided && bytes.matches(fragmentLink, at: equals - 4) ? equals - 4 + fragmentLink.count : nil
                    if let end {
                        out.append(contentsOf: bytes[copied..<end])
                        out.append(contentsOf: prefix)
                        copied = end
                        decided = end
                    }
                    equals = bytes.index(of: UInt8(ascii: "="), from: equals + 1)
                }
            }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The page's HTML with every same-page link (`href="#..."`) made absolute with `pageURL`,
    /// for a feed, whose readers show the HTML away from its page. Finds each `#` with `memchr`:
    /// feeds carry the full notes of every meeting, megabytes on a large hub.
    static func absoluteFragments(_ html: String, pageURL: String) -> String {
        var html = html
        let prefix = fragmentLink.count - 1
        let result: [UInt8]? = html.withUTF8 { bytes in
            var out: [UInt8] = []
            var copied = 0
            var hash = bytes.index(of: UInt8(ascii: "#"), from: prefix)
            while hash < bytes.count {
                if bytes.matches(fragmentLink, at: hash - prefix) {
                    if out.isEmpty { out.reserveCapacity(bytes.count + pageURL.utf8.count * 4) }
                    out.append(contentsOf: bytes[copied..<hash])
                    out.append(contentsOf: pageURL.utf8)
                    copied = hash
                }
                hash = bytes.index(of: UInt8(ascii: "#"), from: hash + 1)
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: bytes[copied...])
            return out
        }
        return result.map { String(decoding: $0, as: UTF8.self) } ?? html
    }
}

private extension HTMLEmbedding {
    static let idAttribute = Array(" id=\"".utf8)
    static let fragmentLink = Array("href=\"#".utf8)

    /// The level of an `<hN` or `</hN` tag (followed by `>` or a space) starting at `index`.
    static func headingLevel(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var position = index + 1
        if position < bytes.count, bytes[position] == UInt8(ascii: "/") { position += 1 }
        guard position + 2 < bytes.count, bytes[position] == UInt8(ascii: "h"),
              (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[position + 1]),
              bytes[position + 2] == UInt8(ascii: ">") || bytes[position + 2] == UInt8(ascii: " ") else { return nil }
        return Int(bytes[position + 1] - UInt8(ascii: "0"))
    }

}
