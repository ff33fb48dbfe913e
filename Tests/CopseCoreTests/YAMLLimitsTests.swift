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
