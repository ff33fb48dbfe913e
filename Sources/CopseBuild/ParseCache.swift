import CopseCore
import CopseMarkdown
import Foundation

/// Parsed pages kept in memory between the builds of one process (`copse serve`): a page whose
/// file holds the same bytes as at the last build is not parsed again. Parsing is a pure function
/// of the path, the bytes and the Markdown options, so a page found here is the page a parse
/// would give. Only the pages of the latest build are kept.
package final class ParseCache: @unchecked Sendable {
    private struct Key: Hashable {
        var path: String
        var bytes: ContentHash
        var unsafeHTML: Bool
    }

    private let lock = NSLock()
    private var pages: [Key: Checked<ParsedPage>] = [:]
    private var next: [Key: Checked<ParsedPage>] = [:]

    package init() {}

    /// The page parsed from `bytes`, with its warnings, from the cache or parsed now (and kept
    /// when it parsed).
    func page(source: String, contentPath: String, bytes: [UInt8], markdown: MarkdownOptions) -> Checked<ParsedPage> {
        let key = Key(path: source + "\u{0}" + contentPath, bytes: ContentHash.of(bytes), unsafeHTML: markdown.unsafeHTML)
        if let page = lock.withLock({ pages[key] }) {
            lock.withLock { next[key] = page }
            return page
        }
        let result = PageParser.parse(source: source, contentPath: contentPath, bytes: bytes, markdown: markdown)
        if result.value != nil { lock.withLock { next[key] = result } }
        return result
    }

    /// Called once a build has parsed everything: what it did not use goes.
    func endBuild() {
        lock.withLock {
            pages = next
            next = [:]
        }
    }
}
