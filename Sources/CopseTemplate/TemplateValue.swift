/// What a template reads: every context copse renders is one of these, made by a
/// ``TemplateContext`` (see docs/theme-context.md).
///
/// Mustache's rules, as copse's renderer applies them: `{{name}}` writes text, HTML and numbers
/// (escaped unless in triple braces) and `true`/`false` for a flag, and nothing for a list or a
/// map; a section over a list repeats for each item, over a map enters it, over text or a number
/// enters it (so that `{{.}}` is the value), over a flag shows its body when true; an inverted
/// section shows its body for false and an empty list. A name missing from a map is looked up in
/// the enclosing contexts.
package enum TemplateValue: Sendable {
    case text(String)
    /// HTML made by copse (a page's content): written as it is with `{{{triple}}}` braces.
    case html(String)
    /// HTML made only when it is read (``DeferredHTML``), written as ``html(_:)`` is.
    case deferredHTML(DeferredHTML)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    case map(TemplateMap)

    /// False only for `false` and an empty list.
    package var isTruthy: Bool {
        switch self {
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .text, .html, .deferredHTML, .number, .map: true
        }
    }

    /// What `{{name}}` writes, before escaping.
    package var text: String {
        switch self {
        case .text(let text), .html(let text): text
        case .deferredHTML(let deferred): deferred.html
        case .number(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .map: ""
        }
    }
}

/// HTML made each time it is read, and let go after: the evidence pack shows the whole text of
/// every evidence page, megabytes at once on a large hub, and a context that held it all would
/// hold it beside the page being written.
package struct DeferredHTML: Sendable {
    private let make: @Sendable () -> String
    /// What the HTML is made from, when the maker can name it: equal keys make equal HTML. A
    /// render key hashes this instead of the HTML, so that the HTML is made only to be written.
    /// Nil: the render key makes the HTML and hashes that.
    package let key: [String]?

    package init(key: [String]? = nil, _ make: @escaping @Sendable () -> String) {
        self.key = key
        self.make = make
    }

    package var html: String { make() }
}

/// The names of one context and their values, in the order the context gives them. Maps are
/// small (a few dozen names at most), so a name is found by comparing it with each in turn,
/// which is quicker than hashing it.
package struct TemplateMap: Sendable {
    package typealias Entry = (name: String, value: TemplateValue)

    package private(set) var entries: [Entry]

    @inlinable
    package init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    package subscript(name: String) -> TemplateValue? {
        // Most names differ in length, which a short string keeps beside its bytes: checking it
        // first spares the full comparison.
        let length = name.utf8.count
        for entry in entries where entry.name.utf8.count == length && entry.name == name { return entry.value }
        return nil
    }

    @inlinable
    package mutating func append(_ name: String, _ value: TemplateValue) {
        entries.append((name, value))
    }

    @inlinable
    package mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }
}
