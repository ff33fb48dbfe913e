/// A `[[target#fragment|label]]` found in the text of one node.
struct WikiLinkMatch: Sendable, Equatable {
    /// Byte offsets of the whole `[[…]]` in the text.
    var range: Range<Int>
    /// `target#fragment` as written, without surrounding spaces (`norms#voting`, `#agenda`).
    var destination: String
    /// The text after `|`, when there is any.
    var label: String?
}

/// Finds wiki links in a run of text. Pure: the tree pass hands it a text node's bytes and says
/// which of them the author escaped (`\[`) or wrote as entities; those never open or close a link.
enum WikiLinkScanner {
    static func matches(in bytes: [UInt8], isRaw: (Int) -> Bool) -> [WikiLinkMatch] {
        var found: [WikiLinkMatch] = []
        var index = 0
        while index + 1 < bytes.count {
            guard isBracket(open, at: index, in: bytes, isRaw), isBracket(open, at: index + 1, in: bytes, isRaw) else {
                index += 1
                continue
            }
            // Scan to the first raw bracket after `[[`: a `]]` closes, anything else starts over
            // from there, so `[[[a]]]` finds `[[a]]` and `[[a [b]]` finds nothing.
            var cursor = index + 2
            while cursor < bytes.count, !isBracket(open, at: cursor, in: bytes, isRaw), !isBracket(close, at: cursor, in: bytes, isRaw) {
                cursor += 1
            }
            guard cursor + 1 < bytes.count, isBracket(close, at: cursor, in: bytes, isRaw),
                  isBracket(close, at: cursor + 1, in: bytes, isRaw),
                  let match = parse(bytes[(index + 2)..<cursor], range: index..<(cursor + 2)) else {
                let reopened = cursor < bytes.count && isBracket(open, at: cursor, in: bytes, isRaw)
                index = reopened ? cursor - 1 : index + 1
                continue
            }
            found.append(match)
            index = cursor + 2
        }
        return found
    }
}

private extension WikiLinkScanner {
    static let open = UInt8(ascii: "[")
    static let close = UInt8(ascii: "]")

    static func isBracket(_ bracket: UInt8, at index: Int, in bytes: [UInt8], _ isRaw: (Int) -> Bool) -> Bool {
        bytes[index] == bracket && isRaw(index)
    }

    /// `target#fragment|label`; nil when there is no target and no fragment (`[[ ]]`, `[[|x]]`).
    static func parse(_ inner: ArraySlice<UInt8>, range: Range<Int>) -> WikiLinkMatch? {
        let pipe = inner.firstIndex(of: UInt8(ascii: "|"))
        let destination = trimmed(inner[inner.startIndex..<(pipe ?? inner.endIndex)])
        guard !destination.isEmpty, destination != "#" else { return nil }
        let label = pipe.map { trimmed(inner[($0 + 1)..<inner.endIndex]) }
        return WikiLinkMatch(range: range, destination: destination, label: label?.isEmpty == false ? label : nil)
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
