import CCmarkGFM
import Foundation
import Testing
@testable import CopseMarkdown

@Suite("cmark-gfm's memory, one arena per thread")
struct MarkdownArenaTests {
    /// A page that uses every pass that adds nodes (headings, tables, callouts, wiki links),
    /// long enough to need more than one of the arena's blocks.
    static let page: String = {
        var text = "# Title\n\n"
        for section in 1...400 {
            text += "## Section \(section)\n\n> [!NOTE]\n> Remember item \(section).\n\n"
            text += "| Role | Who |\n| --- | --- |\n| Chair | Person \(section) |\n\n"
            text += "See [[notes-\(section)]] and ~~old~~ text at https://example.org/\(section).\n\n"
        }
        return text
    }()

    @Test func aPageRendersTheSameInTheArenaAsWithTheSystemAllocator() throws {
        let inArena = MarkdownRenderer.render(Self.page)
        let system = Self.renderWithSystemAllocator(Self.page)
        #expect(inArena.html == system.html)
        #expect(inArena.headings == system.headings)
        #expect(inArena.links == system.links)
        // Every node the passes added reached the page: cmark-gfm drops a node of another allocator.
        #expect(inArena.html.components(separatedBy: "<h2 id=").count == 401)
        #expect(inArena.html.components(separatedBy: "class=\"content-table\"").count == 401)
        #expect(inArena.html.components(separatedBy: "callout-note").count == 401)
        #expect(inArena.links.filter(\.isWiki).count == 400)
    }

    @Test func pagesRenderedOneAfterAnotherOnOneThreadDoNotSeeEachOther() {
        // The second page reuses the first page's blocks; a leftover byte would show.
        let long = MarkdownRenderer.render(Self.page)
        let short = MarkdownRenderer.render("Just *one* line.\n")
        let again = MarkdownRenderer.render(Self.page)
        #expect(short.html == "<p>Just <em>one</em> line.</p>\n")
        #expect(again.html == long.html)
    }

    @Test func pagesRenderInParallelAsTheyDoAlone() {
        let pages = (0..<64).map { index in "## Page \(index)\n\n" + String(Self.page.prefix(2_000 + index * 500)) }
        let alone = pages.map { MarkdownRenderer.render($0).html }
        let together = LockedBox([String](repeating: "", count: pages.count))
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let html = MarkdownRenderer.render(pages[index]).html
            together.lock.withLock { together.value[index] = html }
        }
        #expect(together.value == alone)
    }

    @Test func reallocKeepsWhatWasThereAndGrowsPastABlock() throws {
        let result = MarkdownArena.withThreadArena { memory -> Bool in
            let first = memory.pointee.realloc(nil, 10)!
            memset(first, 7, 10)
            // Grown in place (it is the last allocation) and then moved (something came after it).
            let grown = memory.pointee.realloc(first, 100)!
            let other = memory.pointee.calloc(3, 8)!
            let moved = memory.pointee.realloc(grown, MarkdownArena.blockSize * 2)!
            let bytes = moved.assumingMemoryBound(to: UInt8.self)
            let zeroes = other.assumingMemoryBound(to: UInt8.self)
            return (0..<10).allSatisfy { bytes[$0] == 7 } && (0..<24).allSatisfy { zeroes[$0] == 0 }
                && moved != grown && grown == first
        }
        #expect(result == true)
    }

    @Test func anArenaInUseIsNotLentTwice() {
        let nested = MarkdownArena.withThreadArena { _ in MarkdownArena.withThreadArena { _ in true } }
        #expect(nested == .some(nil))
    }

    static func renderWithSystemAllocator(_ text: String) -> MarkdownDocument {
        // The arena is lent once per thread: inside it, the renderer uses the system allocator.
        MarkdownArena.withThreadArena { _ in MarkdownRenderer.render(text) }!
    }
}

/// A value written from many threads under a lock.
private final class LockedBox<Value>: @unchecked Sendable {
    var value: Value
    let lock = NSLock()
    init(_ value: Value) { self.value = value }
}
