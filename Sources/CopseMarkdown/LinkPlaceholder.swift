/// Placeholder URLs that stand in rendered HTML for links resolved after every page is parsed.
///
/// Parsing and rendering happen in one pass per page (so the C syntax tree never outlives the
/// function that made it); link targets are known only once every page is indexed. The renderer
/// writes `copse-link:N;` into `href`/`src`, and ``LinkPlaceholder/substitute(in:_:)`` swaps in
/// the final URLs in one linear scan.
public enum LinkPlaceholder {
    static let prefix = "copse-link:"

    static func make(_ index: Int) -> String { "\(prefix)\(index);" }

    /// Replaces every placeholder in `html` with `resolved[index]`, HTML-attribute-escaped.
    public static func substitute(in html: String, _ resolved: [String]) -> String {
        guard !resolved.isEmpty else { return html }
        let marker = Array(prefix.utf8)
        var out = [UInt8]()
        out.reserveCapacity(html.utf8.count + resolved.count * 16)
        var bytes = Array(html.utf8)[...]
        while let start = firstIndex(of: marker, in: bytes) {
            out.append(contentsOf: bytes[bytes.startIndex..<start])
            var cursor = start + marker.count
            var number = 0
            while cursor < bytes.endIndex, let digit = asciiDigit(bytes[cursor]) {
                number = number * 10 + digit
                cursor += 1
            }
            if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";"), number < resolved.count {
                out.append(contentsOf: escapeAttribute(resolved[number]).utf8)
                bytes = bytes[(cursor + 1)...]
            } else {
                out.append(contentsOf: marker)
                bytes = bytes[(start + marker.count)...]
            }
        }
        out.append(contentsOf: bytes)
        return String(decoding: out, as: UTF8.self)
    }
}

private extension LinkPlaceholder {
    static func asciiDigit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    static func firstIndex(of marker: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = marker.first, bytes.count >= marker.count else { return nil }
        var index = bytes.startIndex
        let last = bytes.endIndex - marker.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                return index
            }
            index += 1
        }
        return nil
    }

    static func escapeAttribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
