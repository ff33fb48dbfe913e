import CopseMarkdown
import Yams

/// The parse stage for one file: bytes in, a ``ParsedPage`` or its diagnostics out.
///
/// Safe to call from many threads at once: pages parse in parallel (cmark-gfm serialises one
/// step of its own, see ``MarkdownRenderer``). The steps are public for callers that want to
/// schedule them separately.
package enum PageParser {
    /// A file's text split into front matter and Markdown body.
    package struct Source: Sendable {
        package var source: String
        package var contentPath: String
        package var yaml: String?
        package var body: String
        package var bodyLineOffset: Int
    }

    /// The front matter of one file, decoded.
    package struct FrontMatterResult: Sendable, Equatable {
        var frontMatter = FrontMatter()
        var extra: [YAMLValue.MapEntry] = []
        var keyLines: [String: Int] = [:]
        var evidenceKeyProblems: [Diagnostic] = []
    }

    /// All three steps, one after the other.
    package static func parse(source: String, contentPath: String, bytes: [UInt8],
                             markdown options: MarkdownOptions) -> Checked<ParsedPage> {
        split(source: source, contentPath: contentPath, bytes: bytes).then { text in
            readFrontMatter(text).map { assemble(text, $0, MarkdownRenderer.render(text.body, options: options)) }
        }
    }

    /// Checks the bytes are UTF-8 and separates the front matter from the body.
    package static func split(source: String, contentPath: String, bytes: [UInt8]) -> Checked<Source> {
        let text: String
        switch SourceText.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(.notUTF8(let line, let column)):
            return .failed([.error(
                SourceLocation(path: source, line: line, column: column),
                "this file is not UTF-8 text",
                hint: "save it as UTF-8 (in most editors: Save As, then choose the UTF-8 encoding)"
            )])
        }
        switch FrontMatterSplit.split(text) {
        case .success(let split):
            return Checked(Source(source: source, contentPath: contentPath, yaml: split.yaml,
                                   body: split.body, bodyLineOffset: split.bodyLineOffset))
        case .failure:
            return .failed([.error(
                SourceLocation(path: source), "the front matter starting here is never closed",
                hint: "add a line with just '---' after the last front-matter line"
            )])
        }
    }

    /// Decodes the front matter; every wrongly typed key is reported. No value when any is an error.
    /// `scanning: false` reads it with Yams even when ``FrontMatterScanner`` could (the fuzzer
    /// compares the two).
    package static func readFrontMatter(_ text: Source, scanning: Bool = true) -> Checked<FrontMatterResult> {
        var result = FrontMatterResult()
        guard let yamlText = text.yaml else { return Checked(result) }
        let diagnostics = readFrontMatter(yamlText, path: text.source, into: &result, scanning: scanning)
        return Checked(diagnostics.hasErrors ? nil : result, diagnostics.sorted())
    }

    package static func assemble(_ text: Source, _ front: FrontMatterResult, _ markdown: MarkdownDocument) -> ParsedPage {
        ParsedPage(source: text.source, contentPath: text.contentPath, frontMatter: front.frontMatter,
                   extra: front.extra, keyLines: front.keyLines, bodyLineOffset: text.bodyLineOffset, markdown: markdown,
                   evidenceKeyProblems: front.evidenceKeyProblems)
    }
}

extension PageParser {
    /// `private` or `draft`, when an unknown key set to true looks like a misspelling of one:
    /// such a page means to stay unpublished, so building it would be the worst kind of mistake.
    static func hidingKey(misspelt name: String, value: Node) -> String? {
        guard let word = value.scalar?.string.lowercased(), ["true", "yes", "on"].contains(word) else { return nil }
        return Suggestion.nearest(to: name, in: ["private", "draft"])
    }

    /// Lines of the keys inside `evidence:` (`evidence.summary`, `evidence.principles.0`...), for
    /// the evidence index's diagnostics. Unknown keys there are errors the evidence index reports
    /// with the rest of the page's evidence problems (and never for a page that is not published).
    static func evidenceKeys(_ node: Node, yaml: YAMLDecoding, into page: inout FrontMatterResult) -> [Diagnostic] {
        guard case .mapping(let mapping) = node else { return [] }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            page.keyLines["evidence.\(name)"] = yaml.location(of: key).line
            if case .sequence(let items) = value {
                for (index, item) in items.enumerated() { page.keyLines["evidence.\(name).\(index)"] = yaml.location(of: item).line }
            }
        }
        return yaml.unknownKeys(in: node, known: Evidence.knownKeys, context: "evidence")
    }

    static func readFrontMatter(_ yamlText: String, path: String, into page: inout FrontMatterResult, scanning: Bool = true) -> [Diagnostic] {
        let yaml = YAMLDecoding(path: path, lineOffset: 1)
        if scanning, let entries = FrontMatterScanner.entries(yamlText, resolver: YAMLDecoding.resolver),
           let scanned = frontMatter(entries, yaml: yaml) {
            page = scanned
            return []
        }
        let node: Node
        switch yaml.compose(yamlText) {
        case .failure(let diagnostic): return [diagnostic]
        case .success(nil): return []
        case .success(let composed?): node = composed
        }
        guard case .mapping(let mapping) = node else {
            return [.error(yaml.location(of: node), "front matter must be 'key: value' lines",
                           hint: "for example 'title: Spring term meeting'")]
        }
        var diagnostics: [Diagnostic] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            page.keyLines[name] = yaml.location(of: key).line
            if name == "evidence" { page.evidenceKeyProblems = evidenceKeys(value, yaml: yaml, into: &page) }
            if !FrontMatter.knownKeys.contains(name) {
                if let meant = hidingKey(misspelt: name, value: value) {
                    diagnostics.append(.error(yaml.location(of: key),
                        "'\(name)' is not a key copse knows, so this page would be published",
                        hint: "did you mean '\(meant)'? Keys are lower case: write '\(meant): true'"))
                }
                page.extra.append(YAMLValue.MapEntry(key: name, value: YAMLValue(value)))
            }
        }
        page.extra.sort { $0.key < $1.key }
        if let frontMatter = FrontMatter.decodedByKey(mapping, yaml: yamlText) {
            page.frontMatter = frontMatter
            return diagnostics
        }
        let decoded = yaml.decodeReportingAll(FrontMatter.self, from: node)
        if let frontMatter = decoded.value { page.frontMatter = frontMatter }
        diagnostics += decoded.diagnostics
        return diagnostics
    }
}

extension PageParser {
    /// The front matter of entries ``FrontMatterScanner`` read, as ``readFrontMatter(_:path:into:scanning:)``
    /// makes it from Yams' mapping. Nil when any key would need a diagnostic (a value of the wrong
    /// type, a misspelt `private`, an unknown key in `evidence`) or `evidence` is not a mapping:
    /// the caller then reads the YAML with Yams, which reports the problems.
    static func frontMatter(_ entries: [FrontMatterScanner.Entry], yaml: YAMLDecoding) -> FrontMatterResult? {
        var page = FrontMatterResult()
        for entry in entries {
            page.keyLines[entry.key] = entry.line + yaml.lineOffset
            if let known = FrontMatter.CodingKeys(rawValue: entry.key) {
                if known == .evidence {
                    guard case .mapping = entry.value, evidenceKeys(entry.children, yaml: yaml, into: &page) else { return nil }
                }
                guard (try? page.frontMatter.set(known, from: NodeValue(node: entry.value))) != nil else { return nil }
            } else {
                guard hidingKey(misspelt: entry.key, value: entry.value) == nil else { return nil }
                page.extra.append(YAMLValue.MapEntry(key: entry.key, value: YAMLValue(entry.value)))
            }
        }
        page.extra.sort { $0.key < $1.key }
        return page
    }

    /// The lines of the keys inside `evidence:` and of their lists' items, as
    /// ``evidenceKeys(_:yaml:into:)`` takes them from Yams' marks. False when a key is one
    /// evidence does not have: Yams then reports it, with its place.
    static func evidenceKeys(_ children: [FrontMatterScanner.Child], yaml: YAMLDecoding, into page: inout FrontMatterResult) -> Bool {
        for child in children {
            guard Evidence.knownKeys.contains(child.key) else { return false }
            page.keyLines["evidence.\(child.key)"] = child.line + yaml.lineOffset
            for (index, line) in child.itemLines.enumerated() { page.keyLines["evidence.\(child.key).\(index)"] = line + yaml.lineOffset }
        }
        return true
    }
}

/// Front matter is YAML between a first line `---` and the next line `---` (or `...`).
struct FrontMatterSplit {
    var yaml: String?
    var body: String
    var bodyLineOffset: Int

    struct Unclosed: Error {}

    /// Read on the text's bytes. Every byte that decides something here is ASCII, and an ASCII
    /// byte is a character of its own except a line feed after a carriage return (one character,
    /// `\r\n`, which is no line end here either), so the bytes give what the characters would.
    static func split(_ text: String) -> Result<FrontMatterSplit, Unclosed> {
        var copy = text
        let found = copy.withUTF8 { bytes in FrontMatterSplit.find(bytes) }
        switch found {
        case .none:
            return .success(FrontMatterSplit(yaml: nil, body: text, bodyLineOffset: 0))
        case .unclosed:
            return .failure(Unclosed())
        case .closed(let yaml, let body, let lines):
            let utf8 = text.utf8
            func part(_ range: Range<Int>) -> String {
                String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)],
                       as: UTF8.self)
            }
            return .success(FrontMatterSplit(yaml: part(yaml), body: part(body), bodyLineOffset: lines))
        }
    }

    enum Found {
        case none, unclosed
        /// The YAML's bytes, the body's, and how many lines come before the body.
        case closed(yaml: Range<Int>, body: Range<Int>, lines: Int)
    }

    static func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Found {
        let dash = UInt8(ascii: "-"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        /// Where the line from `start` ends: its line feed (not one after a carriage return).
        func lineEnd(from start: Int) -> Int {
            var index = start
            while index < bytes.count {
                if bytes[index] == 0x0A, index == 0 || bytes[index - 1] != 0x0D { return index }
                index += 1
            }
            return bytes.count
        }
        guard bytes.count >= 3, bytes[0] == dash, bytes[1] == dash, bytes[2] == dash else { return .none }
        let firstEnd = lineEnd(from: 0)
        guard firstEnd < bytes.count, bytes[..<firstEnd].allSatisfy({ $0 == dash || $0 == space || $0 == tab }),
              bytes[..<firstEnd].filter({ $0 == dash }).count == 3 else { return .none }
        var lineStart = firstEnd + 1
        var lineCount = 1
        while lineStart < bytes.count {
            let end = lineEnd(from: lineStart)
            lineCount += 1
            var trimmed = end
            while trimmed > lineStart, bytes[trimmed - 1] == space || bytes[trimmed - 1] == tab { trimmed -= 1 }
            if trimmed - lineStart == 3, bytes[lineStart] == bytes[lineStart + 1], bytes[lineStart] == bytes[lineStart + 2],
               bytes[lineStart] == dash || bytes[lineStart] == UInt8(ascii: ".") {
                let bodyStart = end < bytes.count ? end + 1 : end
                return .closed(yaml: firstEnd + 1..<lineStart, body: bodyStart..<bytes.count, lines: lineCount)
            }
            guard end < bytes.count else { break }
            lineStart = end + 1
        }
        return .unclosed
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var end = endIndex
        while end > startIndex, let previous = Optional(index(before: end)), self[previous] == " " || self[previous] == "\t" {
            end = previous
        }
        return self[startIndex..<end]
    }
}
