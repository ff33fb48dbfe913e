import Yams

/// A mapping one level down, as a page's `evidence:` is written: `key: value` lines, all indented
/// alike, under a key with nothing after its colon. Each value is text, quoted text, a
/// `[flow, list]` or a block list indented further. Anything else (a mapping further down, a
/// value continued on the next line, a list at its key's own indentation) is declined.
extension FrontMatterScanner.Reader {
    /// Whether the first line after `index` that is not blank is indented and not a list item:
    /// the start of a mapping one level down.
    func startsMapping(_ lines: [Range<Int>], from index: Int) -> Bool {
        for line in lines[index...] where !isBlank(line) {
            let start = skipSpaces(from: line.lowerBound, to: line.upperBound)
            return start > line.lowerBound && bytes[start] != UInt8(ascii: "-")
        }
        return false
    }

    /// The mapping whose lines start at `index`, its keys with their lines, and the index of the
    /// first line after it (a line at the left margin, or the end). Nil when it is not read here.
    func nestedMapping(_ lines: [Range<Int>], from index: Int) -> (Node, [FrontMatterScanner.Child], Int)? {
        var pairs: [(Node, Node)] = []
        var children: [FrontMatterScanner.Child] = []
        var keys = Set<String>()
        var indent: Int?
        var next = index
        while next < lines.count {
            let line = lines[next]
            if isBlank(line) { next += 1; continue }
            let start = skipSpaces(from: line.lowerBound, to: line.upperBound)
            let depth = start - line.lowerBound
            if depth == 0 { break }
            guard indent == nil || indent == depth, let colon = keyEnd(start..<line.upperBound) else { return nil }
            indent = depth
            let key = text(start..<colon)
            guard keys.insert(key).inserted else { return nil }
            var child = FrontMatterScanner.Child(key: key, line: next + 1)
            next += 1
            let valueStart = skipSpaces(from: colon + 1, to: line.upperBound)
            let value: Node
            if valueStart == line.upperBound {
                guard let list = blockListWithLines(lines, from: next, deeperThan: depth) else { return nil }
                value = list.items.isEmpty ? scalar("", .plain) : sequence(list.items)
                child.itemLines = list.lines
                next = list.next
            } else if bytes[valueStart] == UInt8(ascii: "[") {
                guard let items = flowList(from: valueStart + 1, to: line.upperBound) else { return nil }
                value = sequence(items)
                child.itemLines = Array(repeating: child.line, count: items.count)
            } else {
                guard let (node, end) = self.value(from: valueStart, to: line.upperBound, inList: false),
                      skipSpaces(from: end, to: line.upperBound) == line.upperBound else { return nil }
                value = node
            }
            pairs.append((scalar(key, .plain), value))
            children.append(child)
        }
        guard !pairs.isEmpty else { return nil }
        // Yams reads a mapping's style from the event that ends it, which has none (as a list's).
        return (.mapping(Node.Mapping(pairs, tag(.implicit), .any)), children, next)
    }
}
