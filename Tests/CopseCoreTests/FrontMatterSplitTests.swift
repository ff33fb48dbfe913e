import Testing
@testable import CopseCore

/// Front matter is found on the text's bytes; it must be found exactly where a reading of the
/// text's characters finds it, whatever the text holds around the lines that decide.
@Suite struct FrontMatterSplitTests {
    /// The reading by characters (as copse read front matter before it read the bytes).
    static func byCharacters(_ text: String) -> (yaml: String?, body: String, lines: Int)? {
        guard text.hasPrefix("---"), let firstEnd = text.firstIndex(of: "\n"),
              text[..<firstEnd].allSatisfy({ $0 == "-" || $0 == " " || $0 == "\t" }),
              text[..<firstEnd].filter({ $0 == "-" }).count == 3 else {
            return (nil, text, 0)
        }
        var lineStart = text.index(after: firstEnd)
        var lineCount = 1
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            lineCount += 1
            var end = lineEnd
            while end > lineStart, text[text.index(before: end)] == " " || text[text.index(before: end)] == "\t" {
                end = text.index(before: end)
            }
            let line = text[lineStart..<end]
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return (String(text[text.index(after: firstEnd)..<lineStart]), String(text[bodyStart...]), lineCount)
            }
            guard lineEnd < text.endIndex else { break }
            lineStart = text.index(after: lineEnd)
        }
        return nil
    }

    static func byBytes(_ text: String) -> (yaml: String?, body: String, lines: Int)? {
        switch FrontMatterSplit.split(text) {
        case .success(let split): (split.yaml, split.body, split.bodyLineOffset)
        case .failure: nil
        }
    }

    @Test func randomTextsSplitAsTheirCharactersDo() {
        let pieces = ["---", "--", "-", "...", "..", ".", " ", "\t", "\n", "\n", "\r\n", "\r", "title: x", "é", "\u{301}",
                      "\u{200D}", "🌱", "# Heading", "---\u{301}", "a", "\n---\n", "\n--- \t\n", "\n...\n", "\n---\u{301}\n",
                      "\r\n---\r\n", "\n---"]
        var random = SeededRandom(seed: 3)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var withFrontMatter = 0
        for _ in 0..<20_000 {
            let start = next(3) == 0 ? "" : ["---\n", "--- \n", "---\t\n", "- - -\n", "---\r\n", "----\n"][next(6)]
            let text = start + (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = Self.byCharacters(text), found = Self.byBytes(text)
            #expect(found?.yaml == expected?.yaml && found?.body == expected?.body && found?.lines == expected?.lines,
                    "\(text.debugDescription)")
            if expected?.yaml != nil { withFrontMatter += 1 }
        }
        #expect(withFrontMatter > 1_000, "only \(withFrontMatter) texts had front matter")
    }

    @Test func theUsualShapes() {
        #expect(Self.byBytes("---\ntitle: A\n---\nText.\n")! == ("title: A\n", "Text.\n", 3))
        #expect(Self.byBytes("---\ntitle: A\n...  \n")! == ("title: A\n", "", 3))
        #expect(Self.byBytes("Text only.\n")! == (nil, "Text only.\n", 0))
        #expect(Self.byBytes("---\ntitle: A\n") == nil)
    }
}
