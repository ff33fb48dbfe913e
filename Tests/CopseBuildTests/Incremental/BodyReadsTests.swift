import CopseTestSupport
import Foundation
import Testing

/// An incremental build skips a file when nothing it shows changed: everything of the site but
/// pages' text is hashed into the site key, and a page's text is read only through
/// `ViewModel.contentHTML`, `ViewModel.contentKey`, `ViewModel.hasText` and `ViewModel.textParts`,
/// which record the read (`BodyReads`). A second way to the text would let a file show a page's
/// new text while the build thinks it does not read it.
@Suite struct BodyReadsTests {
    @Test func theRenderStageReadsPagesTextOnlyWhereItIsRecorded() throws {
        let render = Fixtures.repository.appendingPathComponent("Sources/CopseRender")
        let files = try #require(FileManager.default.enumerator(atPath: render.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 20)
        var reads: [String] = []
        for file in files {
            let text = try String(contentsOf: render.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false)
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && Self.readsText(line) {
                reads.append("\(file): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(reads == ["ViewModel.swift: let markdown = page.parsed.markdown", "ViewModel.swift: let markdown = page.parsed.markdown",
                          "ViewModel.swift: return !page.parsed.markdown.body.isEmpty",
                          "ViewModel.swift: let body = site.pages[id].parsed.markdown.body"],
                "read a page's text through ViewModel.contentHTML, which records it (see BodyReads)")
    }

    @Test func theCheckSeesEveryWayToTheMarkdown() {
        #expect(Self.readsText("let html = page.parsed.markdown.html"))
        #expect(Self.readsText("let m = site.pages[i].parsed.markdown"))
        #expect(Self.readsText("foo(page.parsed.markdown.placeholderTag)"))
        #expect(!Self.readsText("let headings = page.parsed.markdown.headings"))
        #expect(!Self.readsText("let title = page.title"))
    }

    /// A use of a page's `markdown` other than its outline (headings), which the site key covers.
    static func readsText(_ line: Substring) -> Bool {
        var rest = line[...]
        while let range = rest.range(of: ".markdown") {
            let after = rest[range.upperBound...]
            if !after.hasPrefix(".headings"), !(after.first?.isLetter ?? false) { return true }
            rest = after
        }
        return false
    }
}
