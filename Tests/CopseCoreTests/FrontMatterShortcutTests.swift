import Foundation
import Testing
import Yams
@testable import CopseCore

/// Text, flags and lists of text are read from the YAML node directly, not through Yams'
/// decoder: for every kind of value the two must agree, value for value and failure for failure.
@Suite struct FrontMatterShortcutTests {
    static let values = [
        "plain text", "'single quoted'", "\"double quoted\"", "\"\"", "''", "~", "null", "Null", "NULL", "'null'", "\"~\"",
        "", "12", "-3", "1.5", "0x1F", "true", "false", "yes", "No", "ON", "off", "y", "\"true\"", "'yes'", "2026-03-04",
        "!!str 12", "!!str true", "!!bool yes", "!!int 7", "!!null ''", "&anchor text", "&flag true", "|\n  a block\n  of text",
        ">\n  folded\n  text", "[a, b, c]", "[]", "[a, ~, 3, true, '']", "[a, [b, c]]", "[a, {b: c}]", "{a: b}", "{}",
        "\n  - one\n  - two", "\n  - one\n  -\n  - 'x'", "\n  - [nested]", "\n  key: value", "text with:colon", "#not a comment",
        "é accented ü", "multi\n  line plain", "2026-13-01", "'2026-03-04'", "\"2026-03-04\"", "2026-3-4", "1_000", "0o17",
        "+7", "1:30", "'12'", "[Ada, 'Grace']", "[]", "[Ada, [x]]", "[3]",
    ]

    static func node(_ value: String) throws -> Node {
        let composed = try #require(try Yams.compose(yaml: "key: \(value)\n", Resolver.basic.appending(.bool).appending(.int).appending(.null)))
        return try #require(composed.mapping?.first?.value)
    }

    /// What `body` gave: its value, or the description of what it threw.
    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        case failure(String)
    }

    static func outcome<T: Equatable>(_ body: () throws -> T) -> Outcome<T> {
        do { return .value(try body()) } catch { return .failure(String(describing: error)) }
    }

    @Test(arguments: values) func textFlagAndListAgreeWithYams(_ value: String) throws {
        let node = try Self.node(value)
        let read = NodeValue(node: node)
        #expect(Self.outcome { try read.text() } == Self.outcome { try read.decode(String?.self) })
        #expect(Self.outcome { try read.flag() } == Self.outcome { try read.decode(Bool?.self) })
        #expect(Self.outcome { try read.texts() } == Self.outcome { try read.decode([String]?.self) })
        #expect(Self.outcome { try read.day() } == Self.outcome { try read.decode(Day?.self) })
        #expect(Self.outcome { try read.attendance() } == Self.outcome { try read.decode(Attendance?.self) })
    }

    @Test func theShortcutGivesTheValuesAPageExpects() throws {
        #expect(try NodeValue(node: Self.node("~")).text() == nil)
        #expect(try NodeValue(node: Self.node("'null'")).text() == "null")
        #expect(try NodeValue(node: Self.node("12")).text() == "12")
        #expect(try NodeValue(node: Self.node("yes")).flag() == true)
        #expect(try NodeValue(node: Self.node("[a, ~, '']")).texts() == ["a", "~", ""])
        #expect(throws: (any Error).self) { try NodeValue(node: Self.node("[a, [b]]")).texts() }
        #expect(throws: (any Error).self) { try NodeValue(node: Self.node("maybe")).flag() }
        #expect(try NodeValue(node: Self.node("2026-03-04")).day() == Day(year: 2026, month: 3, day: 4))
        #expect(try NodeValue(node: Self.node("0x10")).attendance() == .count(16))
        #expect(try NodeValue(node: Self.node("[Ada, 'Grace']")).attendance() == .names(["Ada", "Grace"]))
        #expect(throws: (any Error).self) { try NodeValue(node: Self.node("'12'")).attendance() }
    }
}
