import Foundation

/// Placeholder URLs that stand in rendered HTML for links resolved after every page is parsed.
///
/// Parsing and rendering happen in one pass per page (so the C syntax tree never outlives the
/// function that made it); link targets are known only once every page is indexed. The renderer
/// writes `copse-link:N;` into `href`/`src` (and `copse-text:N;` as the text of a wiki link
/// without a label), and ``LinkPlaceholder/substitute(in:tag:urls:texts:)`` swaps in the final
/// values in one linear scan.
package enum LinkPlaceholder {
    package static let defaultTag = "copse"

    /// `copse-link:N;` for the URL of link `index`.
    static func url(_ index: Int, tag: String) -> String { "\(tag)-link:\(index);" }

    /// `copse-text:N;` for the text of a wiki link that shows its target's title.
    static func text(_ index: Int, tag: String) -> String { "\(tag)-text:\(index);" }

    /// A tag whose placeholders the source does not contain, so text that happens to read
    /// `copse-link:0;` is never replaced: `copse` almost always, else `copse1`, `copse2`...
    static func tag(avoiding source: String) -> String {
        var tag = defaultTag
        var attempt = 0
        // Almost no page contains "copse-" at all: one scan settles it.
        guard contains(source, defaultTag) else { return tag }
        while contains(source, tag + "-link:") || contains(source, tag + "-text:") {
            attempt += 1
            tag = defaultTag + String(attempt)
        }
        return tag
    }

    /// Replaces each URL placeholder `N` in `html` with `urls[N]` (attribute-escaped) and each
    /// text placeholder with `texts[N]` (escaped). Unknown numbers stay as they are.
    package static func substitute(in html: String, tag: String = defaultTag, urls: [String], texts: [String] = []) -> String {
        guard !urls.isEmpty else { return html }
        let marker = Array((tag + "-").utf8)
        let linkWord = Array("link:".utf8), textWord = Array("text:".utf8)
        var out = [UInt8]()
        var html = html
        // Read in place: copying each page's HTML into an array first is felt on a large hub.
        html.withUTF8 { all in
            out.reserveCapacity(all.count + urls.count * 16)
            var bytes = all[...]
            while let start = firstIndex(of: marker, in: bytes) {
                out.append(contentsOf: bytes[bytes.startIndex..<start])
                var cursor = start + marker.count
                let word = bytes[cursor...].starts(with: linkWord) ? 1 : (bytes[cursor...].starts(with: textWord) ? 2 : 0)
                cursor += 5
                var number = 0
                var digits = 0
                while word != 0, cursor < bytes.endIndex, let digit = asciiDigit(bytes[cursor]) {
                    number = number * 10 + digit
                    digits += 1
                    cursor += 1
                }
                let values = word == 1 ? urls : texts
                if word != 0, digits > 0, cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";"), number < values.count {
                    out.append(contentsOf: escape(values[number]).utf8)
                    bytes = bytes[(cursor + 1)...]
                } else {
                    out.append(contentsOf: marker)
                    bytes = bytes[(start + marker.count)...]
                }
            }
            out.append(contentsOf: bytes)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension LinkPlaceholder {
    /// `value` escaped for HTML text or a double-quoted attribute.
    static func escape(_ value: String) -> String {
        // Nearly every URL and title has nothing to escape: return it as it is.
        let special = { (byte: UInt8) in byte == 0x26 || byte == 0x22 || byte == 0x3C || byte == 0x3E }
        // The contiguous buffer is scanned several times faster than the generic UTF-8 view.
        guard value.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? value.utf8.contains(where: special) else {
            return value
        }
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

private extension LinkPlaceholder {
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { wanted in firstOffset(of: wanted, in: haystack) != nil } }
    }

    static func asciiDigit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    static func firstIndex(of marker: [UInt8], in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        marker.withUnsafeBufferPointer { marker in
            firstOffset(of: marker, in: UnsafeBufferPointer(rebasing: bytes)).map { bytes.startIndex + $0 }
        }
    }

    /// Where `marker` first starts in `buffer`, counted from its start.
    static func firstOffset(of marker: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = marker.first, buffer.count >= marker.count, let base = buffer.baseAddress,
              let pattern = marker.baseAddress else { return nil }
        // memchr finds each candidate first byte with vector instructions.
        var start = 0
        let last = buffer.count - marker.count
        while start <= last, let found = memchr(base + start, Int32(first), last - start + 1) {
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if memcmp(base + offset, pattern, marker.count) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }
}
