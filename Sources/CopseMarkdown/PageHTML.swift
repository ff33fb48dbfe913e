import Synchronization

/// Where a page's HTML went when it left memory: a file beside the parse cache, or the cache's
/// pack it was read from, in a `copse build` that has a cache. It is read back each time it is
/// asked for.
package protocol StoredHTML: Sendable {
    /// The HTML exactly as it was stored; nil when it cannot be read back as it was (its file was
    /// changed or cannot be read), which the store records so that the build writes nothing.
    func load() -> String?
    /// How many bytes the HTML has.
    var byteCount: Int { get }
}

/// A page's rendered HTML (``MarkdownDocument/html``): in memory, or stored on disk
/// (``StoredHTML``), so that a large hub's pages (tens of megabytes of HTML at 10,000 pages) are
/// not all in memory at once while the site is made. Every copy of a page shares one of these, so storing
/// it frees the text for all of them.
package final class PageHTML: Sendable {
    private struct State {
        var text: String?
        var stored: (any StoredHTML)?
    }

    private let state: Mutex<State>
    /// Names the text without reading it: equal for pages whose HTML is equal. Set by the parse
    /// cache; nil for a page parsed without one.
    package let identity: HTMLIdentity?

    package init(_ text: String, identity: HTMLIdentity? = nil) {
        state = Mutex(State(text: text, stored: nil))
        self.identity = identity
    }

    package init(stored: any StoredHTML, identity: HTMLIdentity?) {
        state = Mutex(State(text: nil, stored: stored))
        self.identity = identity
    }

    /// The HTML, read back when it is stored; empty when that failed (see ``StoredHTML/load()``).
    package var value: String {
        let (text, stored) = state.withLock { ($0.text, $0.stored) }
        if let text { return text }
        return stored?.load() ?? ""
    }

    /// Whether the HTML is empty, known without reading it back when it is stored.
    package var isEmpty: Bool { state.withLock { $0.text.map(\.isEmpty) ?? ($0.stored.map { $0.byteCount == 0 } ?? true) } }

    /// Whether the text is out of memory.
    package var isStored: Bool { state.withLock { $0.text == nil } }

    /// Lets the text go from memory: from now on it is read from `stored`, which must hold the
    /// same text.
    package func store(_ stored: any StoredHTML) {
        state.withLock { state in
            state.stored = stored
            state.text = nil
        }
    }
}

extension PageHTML: Equatable {
    package static func == (left: PageHTML, right: PageHTML) -> Bool { left === right || left.value == right.value }
}

/// What a page's HTML is made from, when the parse cache knows it: the hash of the file's bytes
/// and the Markdown options (the HTML depends on those alone). Kept as numbers, written out only
/// when asked for: ten thousand pages would otherwise hold ten thousand strings.
package struct HTMLIdentity: Sendable, Equatable {
    package let high: UInt64
    package let low: UInt64
    package let unsafeHTML: Bool

    package init(high: UInt64, low: UInt64, unsafeHTML: Bool) {
        self.high = high
        self.low = low
        self.unsafeHTML = unsafeHTML
    }

    /// The hash's two halves in decimal, then ` unsafe` when raw HTML is allowed: a name that
    /// only this identity has, for the render keys that hash it (see `ViewModel.textParts`).
    package var text: String { "\(high)-\(low)\(unsafeHTML ? " unsafe" : "")" }
}
