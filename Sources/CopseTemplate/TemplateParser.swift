/// Compiles Mustache source into ``TemplateNode``s: variables, sections, inverted sections,
/// partials, comments, and template inheritance (`{{<parent}}` with `{{$block}}`s). Pragmas
/// (`{{% … }}`) are accepted and ignored; changing delimiters is not supported.
///
/// Whitespace follows swift-mustache's reading of the spec exactly, so pages come out byte for
/// byte as they did with it: a tag that can stand alone and opens a line that it finishes takes
/// the line with it, and after a section the next line counts as fresh only when the section's
/// opening tag stood alone.
package struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    /// Sections, blocks and parents nested deeper than this are an error: no theme needs it, and
    /// it keeps the compiler's and the renderer's recursion bounded.
    package static let maximumNesting = 100

    package static func parse(_ source: String) -> Result<[TemplateNode], TemplateError> {
        var parser = TemplateParser(bytes: Array(source.utf8))
        do {
            return .success(try parser.parseBlock(State(), closing: nil))
        } catch let error as TemplateError {
            return .failure(error)
        } catch {
            return .failure(TemplateError(message: "\(error)", line: parser.line, column: 1))
        }
    }
}

private extension TemplateParser {
    struct State {
        var newLine = true
        /// Inside a `{{<parent}}` (top level: where its `{{$block}}`s are defined).
        var inParent = false
        var parentTopLevel = false
        var blockIndent: String?
    }

    struct Opened {
        var name: String
        var line: Int
        var column: Int
    }

    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r"), brace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")

    var atEnd: Bool { position >= bytes.count }
    var column: Int { position - lineStart + 1 }

    /// Length of the line break at `index` (`\n` or `\r\n`), or 0.
    func lineBreak(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == Self.newline { return 1 }
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.newline { return 2 }
        return 0
    }

    mutating func advance(_ count: Int) {
        for index in position..<min(position + count, bytes.count) where bytes[index] == Self.newline {
            line += 1
            lineStart = index + 1
        }
        position += count
    }

    mutating func readBlanks() -> String {
        let start = position
        while !atEnd, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// True when only blanks and a line break (taken) or the end of the source follow.
    mutating func finishesLine() -> Bool {
        if atEnd { return true }
        var index = position
        while index < bytes.count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
        let length = lineBreak(at: index)
        guard length > 0 else { return false }
        advance(index + length - position)
        return true
    }

    /// The inside of a tag up to `closer`, trimmed, with the position after the closer.
    mutating func readTag(until closer: [UInt8], opened: Opened) throws -> String {
        var end = position
        while end + closer.count <= bytes.count, !bytes[end..<(end + closer.count)].elementsEqual(closer) { end += 1 }
        guard end + closer.count <= bytes.count else {
            throw TemplateError(message: "this tag is never closed with '\(String(decoding: closer, as: UTF8.self))'",
                                line: opened.line, column: opened.column)
        }
        let content = String(decoding: bytes[position..<end], as: UTF8.self)
        advance(end + closer.count - position)
        return content.trimmingTemplateWhitespace
    }

    mutating func parseBlock(_ initial: State, closing: Opened?) throws -> [TemplateNode] {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumNesting + 1, let closing {  // the top level is depth 1
            throw TemplateError(message: "sections are nested more than \(Self.maximumNesting) deep here",
                                line: closing.line, column: closing.column)
        }
        var state = initial
        var nodes: [TemplateNode] = []
        var blanks = ""
        func emit(_ text: String) { if !text.isEmpty { nodes.append(.text(text)) } }
        while !atEnd {
            if state.newLine {
                let leading = readBlanks()
                if state.inParent, !state.parentTopLevel {
                    if let indent = state.blockIndent { blanks = String(leading.dropFirst(indent.count)) } else { state.blockIndent = leading }
                } else {
                    blanks = leading
                }
            }
            let textStart = position
            while !atEnd, lineBreak(at: position) == 0, !(bytes[position] == Self.brace && position + 1 < bytes.count && bytes[position + 1] == Self.brace) {
                position += 1
            }
            let text = String(decoding: bytes[textStart..<position], as: UTF8.self)
            let breakLength = lineBreak(at: position)
            if breakLength > 0 {
                emit(blanks + text + String(decoding: bytes[position..<(position + breakLength)], as: UTF8.self))
                advance(breakLength)
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                emit(blanks + text)
                blanks = ""
                state.newLine = false
            }
            if atEnd { break }
            let opened = Opened(name: "", line: line, column: column)
            advance(2)
            var standsAlone = false
            let sigil = atEnd ? 0 : bytes[position]
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                advance(1)
                let name = try readTag(until: [Self.closeBrace, Self.closeBrace], opened: opened)
                standsAlone = state.newLine && finishesLine()
                if !standsAlone { emit(blanks); blanks = "" }
                var inner = state
                inner.parentTopLevel = false
                if !standsAlone { inner.newLine = false }
                let body = try parseBlock(inner, closing: Opened(name: name, line: opened.line, column: opened.column))
                nodes.append(.section(TemplateName(name), body, inverted: sigil == UInt8(ascii: "^"),
                                      at: TemplatePosition(line: opened.line, column: opened.column)))
            case UInt8(ascii: "/"):
                advance(1)
                let name = try readTag(until: [Self.closeBrace, Self.closeBrace], opened: opened)
                guard let closing else {
                    throw TemplateError(message: "{{/\(name)}} closes nothing", line: opened.line, column: opened.column)
                }
                guard closing.name == name else {
                    throw TemplateError(message: "{{/\(name)}} does not close {{\(closing.name)}} (opened at line \(closing.line))",
                                        line: opened.line, column: opened.column)
                }
                if !(state.newLine && finishesLine()) { emit(blanks) }
                return nodes
            case UInt8(ascii: "!"), UInt8(ascii: "%"):
                advance(1)
                _ = try readTag(until: [Self.closeBrace, Self.closeBrace], opened: opened)
                standsAlone = state.newLine && finishesLine()
            case UInt8(ascii: "="):
                throw TemplateError(message: "changing delimiters ({{=…=}}) is not supported", line: opened.line, column: opened.column)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                emit(blanks)
                blanks = ""
                advance(1)
                let closer = sigil == Self.brace ? [Self.closeBrace, Self.closeBrace, Self.closeBrace] : [Self.closeBrace, Self.closeBrace]
                nodes.append(.variable(TemplateName(try readTag(until: closer, opened: opened)), escaped: false,
                                       at: TemplatePosition(line: opened.line, column: opened.column)))
            case UInt8(ascii: ">"):
                advance(1)
                let name = try readTag(until: [Self.closeBrace, Self.closeBrace], opened: opened)
                emit(blanks)
                standsAlone = state.newLine && finishesLine()
                nodes.append(.partial(name, indentation: standsAlone ? blanks : "", at: TemplatePosition(line: opened.line, column: opened.column)))
                blanks = ""
            case UInt8(ascii: "<"):
                advance(1)
                let name = try readTag(until: [Self.closeBrace, Self.closeBrace], opened: opened)
                emit(blanks)
                standsAlone = state.newLine && finishesLine()
                let body = try parseBlock(State(newLine: true, inParent: true, parentTopLevel: true, blockIndent: state.blockIndent),
                                          closing: Opened(name: name, line: opened.line, column: opened.column))
                var blocks: [String: [TemplateNode]] = [:]
                for case .block(let block, let content) in body { blocks[block] = content }
                nodes.append(.parent(name, blocks: blocks, indentation: blanks, at: TemplatePosition(line: opened.line, column: opened.column)))
                blanks = ""
            case UInt8(ascii: "$"):
                advance(1)
                let name = try readTag(until: [Self.closeBrace, Self.closeBrace], opened: opened)
                if !state.parentTopLevel { emit(blanks) }
                standsAlone = state.newLine && finishesLine()
                var inner = state
                inner.parentTopLevel = false
                if !standsAlone { inner.newLine = false }
                let body = try parseBlock(inner, closing: Opened(name: name, line: opened.line, column: opened.column))
                nodes.append(.block(name, body))
                if !state.parentTopLevel { blanks = "" }
            default:
                emit(blanks)
                blanks = ""
                let name = try readTag(until: [Self.closeBrace, Self.closeBrace], opened: opened)
                guard !name.isEmpty else { throw TemplateError(message: "empty tag", line: opened.line, column: opened.column) }
                nodes.append(.variable(TemplateName(name), escaped: true, at: TemplatePosition(line: opened.line, column: opened.column)))
            }
            state.newLine = standsAlone
        }
        if let closing {
            throw TemplateError(message: "{{\(closing.name)}} is never closed; add {{/\(closing.name)}}", line: closing.line, column: closing.column)
        }
        return nodes
    }
}

private extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingTemplateWhitespace: String {
        let isWhitespace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isWhitespace($0) }),
              let last = bytes.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        return String(self[first...last])
    }
}
