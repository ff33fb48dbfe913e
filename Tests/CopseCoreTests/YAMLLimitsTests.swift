import CopseMarkdown
import Testing
@testable import CopseCore

/// Alias bombs and deep nesting are refused at their line before Yams composes anything, in
/// front matter, copse.yml and theme.yml alike (all go through ``YAMLDecoding``).
@Suite struct YAMLLimitsTests {
    /// "Billion laughs": each line nine of the last; ten lines are 9^10 (3.4 billion) values.
    static let bomb: String = {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        for (previous, name) in zip("abcdefghi", "bcdefghij") {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func anAliasBombIsRefusedAtTheAliasThatCrossesTheBound() throws {
        // 9^5 = 59,049 values by line 5; line 6's first *e brings it past 100,000.
        let exceeded = try #require(YAMLLimits.check(Self.bomb))
        #expect(exceeded.line == 5)
        #expect(exceeded.column == 7)  // 0-based, as libyaml counts
        #expect(exceeded.message == "the alias *e makes this YAML too large: with its aliases written out it would hold more than 100,000 values")
    }

    @Test func inFrontMatterItIsAnErrorAtTheFileLine() {
        let page = "---\ntitle: Boom\n" + Self.bomb + "---\nText\n"
        let result = PageParser.parse(source: "content/x.md", contentPath: "x.md", bytes: Array(page.utf8), markdown: MarkdownOptions())
        guard result.value == nil else { Issue.record("the bomb was accepted"); return }
        #expect(result.diagnostics.map(\.location) == [SourceLocation(path: "content/x.md", line: 8, column: 8)])
    }

    @Test func inCopseYmlAndThemeYmlToo() {
        let config = Config.parse("title: Hub\n" + Self.bomb)
        guard config.value == nil else { Issue.record("copse.yml accepted"); return }
        #expect(config.diagnostics.map(\.location) == [SourceLocation(path: "copse.yml", line: 7, column: 8)])
        let theme = ThemeManifest.parse("extends: default\n" + Self.bomb, path: "themes/x/theme.yml")
        guard theme.value == nil else {
            Issue.record("theme.yml accepted"); return
        }
        #expect(theme.diagnostics.first?.location == SourceLocation(path: "themes/x/theme.yml", line: 7, column: 8))
    }

    @Test func deepNestingIsRefusedAtTheLevelThatCrossesTheBound() throws {
        let flow = try #require(YAMLLimits.check("x: " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500)))
        #expect(flow.message == "lists and maps are nested more than 64 deep here")
        #expect(flow.line == 0)
        // The mapping is level 1, so the 64th bracket is level 65.
        #expect(flow.column == 3 + 63)
        // libyaml stops at 1,000 levels while it looks ahead; that is reported the same way.
        let deeper = try #require(YAMLLimits.check("x: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)))
        #expect(deeper.message == flow.message)
        var block = "x:\n"
        for level in 0..<100 { block += String(repeating: "  ", count: level + 1) + "-\n" }
        #expect(try #require(YAMLLimits.check(block)).line == 64)
    }

    @Test func ordinaryAliasesAndNestingAreFine() {
        #expect(YAMLLimits.check("base: &base [a, b]\nmore: *base\nmap: {x: {y: [1, [2, [3]]]}}\n") == nil)
        #expect(YAMLLimits.check(Self.bomb.split(separator: "\n").prefix(4).joined(separator: "\n")) == nil)
        // Syntax errors are left to Yams, which reports them with its own words.
        #expect(YAMLLimits.check("a: [unclosed\n") == nil)
    }
}

/// The shortcut that skips the pass over the events must never skip a text that crosses a bound.
@Suite struct YAMLLimitsShortcutTests {
    @Test func typicalFrontMatterTakesTheShortcut() {
        let yaml = "title: \"Spring term meeting\"\ndate: 2026-03-04\ntags:\n  - scratch\n  - ks2\nevidence:\n  conference: \"2027\"\n"
        #expect(YAMLLimits.isSurelyWithin(yaml))
    }

    @Test func aliasesDeepNestingAndLongTextsDoNot() {
        #expect(!YAMLLimits.isSurelyWithin(YAMLLimitsTests.bomb))
        #expect(!YAMLLimits.isSurelyWithin("a: &x 1\nb: *x\n"))
        #expect(!YAMLLimits.isSurelyWithin(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)))
        #expect(!YAMLLimits.isSurelyWithin(String(repeating: "a: b\n", count: 7_000)))
        // 64 levels is within the bound, and the shortcut may take it.
        #expect(YAMLLimits.isSurelyWithin(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)))
    }

    @Test func whereverTheShortcutIsTakenTheEventsFindNothing() {
        // Random texts made mostly of YAML's structural characters, at the edge of both bounds.
        var generator = Sequence64(seed: 12)
        let pieces = ["-", " ", "\n", "?", ":", "[", "]", "{", "}", ",", "a", "  ", "- ", ": ", "? ", "\n  "]
        var taken = 0
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 160)
            let text = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            guard YAMLLimits.isSurelyWithin(text) else { continue }
            taken += 1
            #expect(YAMLLimits.checkEvents(text) == nil, "the shortcut skipped \(text.debugDescription)")
        }
        #expect(taken > 500)
        // Short texts that pack the most values and the deepest nesting into few bytes.
        for text in ["[" + String(repeating: "a,", count: 16_000) + "a]", String(repeating: "- ", count: 64) + "x",
                     String(repeating: "{a: ", count: 32) + String(repeating: "}", count: 32)] {
            #expect(YAMLLimits.isSurelyWithin(text))
            #expect(YAMLLimits.checkEvents(text) == nil, "the shortcut skipped \(text.prefix(40).debugDescription)")
        }
    }
}

/// A small deterministic generator (Knuth's MMIX constants), so that a failure is the same on every run.
private struct Sequence64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
