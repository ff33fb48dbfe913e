/// Lines up a text node's literal with the source line it came from.
///
/// cmark-gfm merges neighbouring text nodes and decodes backslash escapes and entities, so the
/// literal alone cannot tell `[[a]]` from `\[\[a]]`, and its column is the node's first byte's
/// only. Walking the literal and the source side by side recovers, for every literal byte, its
/// source column and whether the author wrote it as itself.
struct SourceAlignment: Sendable, Equatable {
    /// 1-based source column of each literal byte.
    var columns: [Int]
    /// False for bytes that came from a backslash escape or an entity reference.
    var isRaw: [Bool]

    init(literal: [UInt8], line: ArraySlice<UInt8>, startColumn: Int) {
        columns = Array(repeating: 0, count: literal.count)
        isRaw = Array(repeating: true, count: literal.count)
        let base = line.startIndex
        var source = base + max(startColumn - 1, 0)
        // Leading spaces of a continuation line are not counted by cmark's column.
        if let first = literal.first, !Self.isSpace(first) {
            while source < line.endIndex, Self.isSpace(line[source]) { source += 1 }
        }
        var index = 0
        while index < literal.count, source < line.endIndex {
            let byte = line[source]
            columns[index] = source - base + 1
            if byte == UInt8(ascii: "\\"), source + 1 < line.endIndex, Self.isEscapable(line[source + 1]),
               literal[index] == line[source + 1] {
                isRaw[index] = false
                index += 1
                source += 2
            } else if byte == UInt8(ascii: "&"), let length = Self.entityLength(line, at: source),
                      !literal[index...].starts(with: line[source..<(source + length)]) {
                let scalarEnd = Self.scalarEnd(literal, from: index)
                for decoded in index..<scalarEnd {
                    columns[decoded] = source - base + 1
                    isRaw[decoded] = false
                }
                index = scalarEnd
                source += length
            } else if byte == literal[index] {
                index += 1
                source += 1
            } else {
                break
            }
        }
        // Past a byte the walk cannot explain, count columns on as if the rest were plain text.
        if index < literal.count {
            let next = index == 0 ? startColumn : columns[index - 1] + 1
            for rest in index..<literal.count { columns[rest] = next + rest - index }
        }
    }
}

private extension SourceAlignment {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// CommonMark lets a backslash escape any ASCII punctuation character.
    static func isEscapable(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// Length of `&name;`, `&#123;` or `&#x1F;` at `index`, if one starts there.
    static func entityLength(_ line: ArraySlice<UInt8>, at index: Int) -> Int? {
        var cursor = index + 1
        let limit = min(line.endIndex, index + 40)
        while cursor < limit {
            let byte = line[cursor]
            if byte == UInt8(ascii: ";") { return cursor > index + 1 ? cursor - index + 1 : nil }
            let isName = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || (byte == UInt8(ascii: "#") && cursor == index + 1)
            guard isName else { return nil }
            cursor += 1
        }
        return nil
    }

    /// The end of the UTF-8 scalar starting at `index`.
    static func scalarEnd(_ bytes: [UInt8], from index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
