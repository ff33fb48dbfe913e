import Foundation

/// Where a page's HTML went when it left memory: a file beside the parse cache, or the cache's
/// pack it was read from, in a `copse build` that has a cache. It is read back each time it is
/// asked for.
package protocol StoredHTML: Sendable {
    /// The HTML exactly as it was stored; nil when it cannot be read back as it was (its file was
    /// changed or cannot be read), which the store records so that the build writes nothing.
    func load() -> String?
}

/// A page's rendered HTML (``MarkdownDocument/html``): in memory, or stored on disk
/// (``StoredHTML``), so that a large hub's pages (tens of megabytes of HTML at 10,000 pages) are
/// not all in memory at once while the site is made. Every copy of a page shares one of these, so storing
/// it frees the text for all of them.
package final class PageHTML: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    private var stored: (any StoredHTML)?
    /// Names the text without reading it: equal for pages whose HTML is equal. Set by the parse
    /// cache (the page's source bytes and Markdown options, on which the HTML depends alone); nil
    /// for a page parsed without one.
    package let identity: String?

    package init(_ text: String, identity: String? = nil) {
        self.text = text
        self.identity = identity
    }

    package init(stored: any StoredHTML, identity: String?) {
        self.stored = stored
        self.identity = identity
    }

    /// The HTML, read back when it is stored; empty when that failed (see ``StoredHTML/load()``).
    package var value: String {
        let (text, stored) = lock.withLock { (self.text, self.stored) }
        if let text { return text }
        return stored?.load() ?? ""
    }

    /// Whether the text is out of memory.
    package var isStored: Bool { lock.withLock { text == nil } }

    /// Lets the text go from memory: from now on it is read from `stored`, which must hold the
    /// same text.
    package func store(_ stored: any StoredHTML) {
        lock.withLock {
            self.stored = stored
            text = nil
        }
    }
}

extension PageHTML: Equatable {
    package static func == (left: PageHTML, right: PageHTML) -> Bool { left === right || left.value == right.value }
}
