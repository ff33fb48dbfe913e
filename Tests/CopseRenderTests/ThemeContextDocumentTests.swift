import CopseTestSupport
import Foundation
import Testing
@testable import CopseRender

/// docs/theme-context.md is generated from the context types below its marker line: it must be
/// exactly what they give, so the documentation cannot drift from what themes are rendered with.
@Suite struct ThemeContextDocumentTests {
    static let file = Fixtures.repository.appendingPathComponent("docs/theme-context.md")

    @Test func theDocumentationIsUpToDate() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let marker = try #require(text.range(of: ThemeContextDocument.marker), "docs/theme-context.md has lost its marker line")
        let expected = ThemeContextDocument.markdown(prose: String(text[..<marker.upperBound]))
        if ProcessInfo.processInfo.environment["COPSE_WRITE_DOCS"] == "1" {
            try Data(expected.utf8).write(to: Self.file)
            return
        }
        #expect(text == expected, "docs/theme-context.md is stale: run ./dev theme-context and review the diff")
    }

    @Test func everyNameOfEveryTemplateIsDocumented() {
        let text = ThemeContextDocument.markdown(prose: "")
        for kind in TemplateKind.allCases {
            #expect(text.contains("| `\(kind.template)` |"))
            for entry in kind.schema.entries { #expect(text.contains("| `\(entry.name)` |"), "\(kind.template): \(entry.name)") }
        }
        #expect(text.contains("### MeetingInfo\n\n| name | holds | meaning |\n| --- | --- | --- |\n| `upcoming` | true or false |"))
        #expect(text.contains("| `previous` | [MeetingItem](#meetingitem), may be absent |"))
    }
}
