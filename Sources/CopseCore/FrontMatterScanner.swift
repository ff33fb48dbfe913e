import Yams

/// Reads front matter of the shape nearly every page has (`key: value` lines at the left margin,
/// each value text, quoted text, a `[flow, list]` or a block list of `- item` lines) without
/// libyaml, making the nodes Yams would make: the same text, style and tag for every key and
/// value, so everything that reads them behaves the same. Composing took a tenth of a full
/// build's CPU, most of it setting up a parser and resolving tags with regular expressions for a
/// handful of short lines.
///
/// Anything outside that shape, or anything libyaml reads in a way that needs more thought than
/// a line of code (a colon or `#` in plain text, a tab, a comment, an anchor, a tag, a
/// multi-line value, an escape, a control character, a repeated key), is declined: the caller
/// then composes with Yams as before, which also reports every problem with its place.
enum FrontMatterScanner {
    /// One key of the top-level mapping and its value.
    struct Entry {
        var key: String
        /// Line of the key within the YAML text, counted from 1 (as Yams' marks count).
        var line: Int
        var value: Node
        /// When the value is a mapping (one level down, as `evidence:` is): each of its keys with
        /// its line and, for a list, each item's line.
        var children: [Child] = []
    }

    /// One key of a mapping one level down, with the lines Yams' marks give it.
    struct Child: Equatable {
        var key: String
        var line: Int
        /// The line of each item when the value is a list (all the key's own for `[a, b]`).
        var itemLines: [Int] = []
    }

    /// The mapping's entries in order, or nil when the YAML is not of the shape read here.
    static func entries(_ yaml: String, resolver: Resolver) -> [Entry]? {
        var text = yaml
        return text.withUTF8 { bytes in
            guard acceptsEveryCharacter(bytes) else { return nil }
            return Reader(bytes: bytes, resolver: resolver).entries()
        }
    }

    /// False when the text holds a character this reader leaves to libyaml: tabs, carriage
    /// returns and other controls, DEL and the C1 controls, line and paragraph separators (which
    /// libyaml reads as line breaks), byte-order marks and non-characters, and `*` (an alias
    /// makes ``FrontMatter/decodedByKey(_:yaml:)`` decode the whole mapping).
    static func acceptsEveryCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A, 0x20...0x29, 0x2B...0x7E: index += 1
            case 0xC2: // U+0080...U+00BF: C1 controls and NEL are refused, the rest kept.
                guard index + 1 < bytes.count, bytes[index + 1] >= 0xA0 else { return false }
                index += 2
            case 0xE2: // U+2028 and U+2029 break lines for libyaml.
                guard index + 2 < bytes.count, !(bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)) else { return false }
                index += 3
            case 0xEF: // U+FEFF, U+FFFE and U+FFFF.
                guard index + 2 < bytes.count,
                      !(bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF),
                      !(bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) else { return false }
                index += 3
            case 0x80...0xFF: index += 1 // other UTF-8 bytes (the text is valid UTF-8)
            default: return false
            }
        }
        return true
    }
}

extension FrontMatterScanner {
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let resolver: Resolver

        /// Start and end (before the line break) of each line.
        var lines: [Range<Int>] {
            var lines: [Range<Int>] = []
            var start = 0
            while start <= bytes.count {
                let end = bytes.index(of: 0x0A, from: start)
                lines.append(start..<end)
                start = end + 1
            }
            return lines
        }

        func entries() -> [Entry]? {
            let lines = self.lines
            var entries: [Entry] = []
            var keys = Set<String>()
            var index = 0
            while index < lines.count {
                let line = lines[index]
                let number = index + 1
                index += 1
                if isBlank(line) { continue }
                guard let colon = keyEnd(line) else { return nil }
                let key = text(line.lowerBound..<colon)
                guard keys.insert(key).inserted else { return nil }
                let start = skipSpaces(from: colon + 1, to: line.upperBound)
                let value: Node
                var children: [Child] = []
                if start == line.upperBound, startsMapping(lines, from: index) {
                    guard let (mapping, keys, next) = nestedMapping(lines, from: index) else { return nil }
                    value = mapping
                    children = keys
                    index = next
                } else if start == line.upperBound {
                    guard let (items, next) = blockList(lines, from: index) else { return nil }
                    value = items.isEmpty ? scalar("", .plain) : sequence(items)
                    index = next
                } else if bytes[start] == UInt8(ascii: "[") {
                    guard let items = flowList(from: start + 1, to: line.upperBound) else { return nil }
                    value = sequence(items)
                } else {
                    guard let (node, end) = self.value(from: start, to: line.upperBound, inList: false),
                          skipSpaces(from: end, to: line.upperBound) == line.upperBound else { return nil }
                    value = node
                }
                entries.append(Entry(key: key, line: number, value: value, children: children))
            }
            return entries.isEmpty ? nil : entries
        }

        /// The `- item` lines from `index` on, all indented alike (and more than `deeperThan`),
        /// and the index of the line after them (blank lines among them are passed over). Nil
        /// when an item is not read here.
        func blockList(_ lines: [Range<Int>], from index: Int, deeperThan outer: Int = -1) -> ([Node], Int)? {
            blockListWithLines(lines, from: index, deeperThan: outer).map { ($0.items, $0.next) }
        }

        /// ``blockList(_:from:deeperThan:)`` with the line of each item, counted from 1.
        func blockListWithLines(_ lines: [Range<Int>], from index: Int, deeperThan outer: Int) -> (items: [Node], lines: [Int], next: Int)? {
            var items: [Node] = []
            var itemLines: [Int] = []
            var indent: Int?
            var next = index
            while next < lines.count {
                let line = lines[next]
                if isBlank(line) { next += 1; continue }
                let dash = skipSpaces(from: line.lowerBound, to: line.upperBound)
                guard bytes[dash] == UInt8(ascii: "-"), dash + 1 < line.upperBound, bytes[dash + 1] == 0x20 else { break }
                // A list at its key's own indentation is one YAML allows; it is left to libyaml.
                guard dash - line.lowerBound > outer else { return nil }
                guard indent == nil || indent == dash - line.lowerBound else { return nil }
                indent = dash - line.lowerBound
                let start = skipSpaces(from: dash + 1, to: line.upperBound)
                guard start < line.upperBound, let (node, end) = value(from: start, to: line.upperBound, inList: false),
                      skipSpaces(from: end, to: line.upperBound) == line.upperBound else { return nil }
                items.append(node)
                itemLines.append(next + 1)
                next += 1
            }
            // Blank lines after the last item belong to no one: the next key starts after them.
            return (items, itemLines, items.isEmpty ? index : next)
        }

        /// The items of a `[a, b]` list whose `[` is just before `start`; nothing but spaces may
        /// follow its `]` on the line.
        func flowList(from start: Int, to end: Int) -> [Node]? {
            var items: [Node] = []
            var position = skipSpaces(from: start, to: end)
            if position < end, bytes[position] == UInt8(ascii: "]") {
                return skipSpaces(from: position + 1, to: end) == end ? items : nil
            }
            while position < end {
                guard let (node, after) = value(from: position, to: end, inList: true) else { return nil }
                items.append(node)
                position = skipSpaces(from: after, to: end)
                guard position < end else { return nil }
                if bytes[position] == UInt8(ascii: "]") {
                    return skipSpaces(from: position + 1, to: end) == end ? items : nil
                }
                guard bytes[position] == UInt8(ascii: ",") else { return nil }
                position = skipSpaces(from: position + 1, to: end)
            }
            return nil
        }

        /// A quoted or plain scalar starting at `start` (not a space), and where it ends. In a
        /// list a plain scalar ends at `,` or `]`; on its own it runs to the end of the line.
        func value(from start: Int, to end: Int, inList: Bool) -> (Node, Int)? {
            switch bytes[start] {
            case UInt8(ascii: "\""):
                let close = bytes.index(of: UInt8(ascii: "\""), from: start + 1)
                guard close < end, bytes.index(of: UInt8(ascii: "\\"), from: start + 1) > close else { return nil }
                return (scalar(text(start + 1..<close), .doubleQuoted), close + 1)
            case UInt8(ascii: "'"):
                var text: [UInt8] = []
                var position = start + 1
                while position < end {
                    if bytes[position] == UInt8(ascii: "'") {
                        guard position + 1 < end, bytes[position + 1] == UInt8(ascii: "'") else {
                            return (scalar(String(decoding: text, as: UTF8.self), .singleQuoted), position + 1)
                        }
                        position += 1
                    }
                    text.append(bytes[position])
                    position += 1
                }
                return nil
            default:
                guard !Self.isIndicator(bytes[start]) else { return nil }
                var position = start
                var last = start
                while position < end {
                    switch bytes[position] {
                    // A colon may end a key or make a number in base 60; `#` may start a comment.
                    case UInt8(ascii: ":"), UInt8(ascii: "#"): return nil
                    case UInt8(ascii: ","), UInt8(ascii: "]"):
                        if inList { return (scalar(text(start..<last), .plain), position) }
                    case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"):
                        if inList { return nil }
                    case 0x20: position += 1; continue
                    default: break
                    }
                    position += 1
                    last = position
                }
                return (scalar(text(start..<last), .plain), position)
            }
        }

        /// Bytes that cannot start a plain scalar (or start one only in ways left to libyaml).
        static func isIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
                 UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                 UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"): true
            default: false
            }
        }

        /// The end of a key at the start of `line` (letters, digits, `_` and `-`, starting with a
        /// letter or `_`), followed by a colon and a space or the end of the line.
        func keyEnd(_ line: Range<Int>) -> Int? {
            var position = line.lowerBound
            while position < line.upperBound, Self.isKeyByte(bytes[position], first: position == line.lowerBound) {
                position += 1
            }
            guard position > line.lowerBound, position < line.upperBound, bytes[position] == UInt8(ascii: ":"),
                  position + 1 == line.upperBound || bytes[position + 1] == 0x20 else { return nil }
            return position
        }

        static func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): !first
            default: false
            }
        }

        func isBlank(_ line: Range<Int>) -> Bool {
            skipSpaces(from: line.lowerBound, to: line.upperBound) == line.upperBound
        }

        func skipSpaces(from start: Int, to end: Int) -> Int {
            var position = start
            while position < end, bytes[position] == 0x20 { position += 1 }
            return position
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// A scalar as Yams' composer makes it: a plain one's tag is resolved later (and only if
        /// asked), a quoted one is text (`!!str`).
        func scalar(_ text: String, _ style: Node.Scalar.Style) -> Node {
            .scalar(Node.Scalar(text, tag(style == .plain ? .implicit : .str), style))
        }

        /// A list as Yams' composer makes it. Its style is `.any`, block or flow: Yams reads the
        /// style from the event that ends the list, which has none.
        func sequence(_ items: [Node]) -> Node {
            .sequence(Node.Sequence(items, tag(.implicit), .any))
        }

        func tag(_ name: Tag.Name) -> Tag {
            Tag(name, resolver, YAMLDecoding.constructor)
        }
    }
}
