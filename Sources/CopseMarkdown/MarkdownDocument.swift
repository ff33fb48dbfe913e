/// What the Markdown stage hands to the rest of copse: plain Swift values, no C pointers.
public struct MarkdownDocument: Sendable, Equatable {
    /// The rendered HTML. Every link that needs resolving carries a placeholder URL
    /// (see ``LinkPlaceholder``) that a later stage replaces with the resolved address.
    public var html: String
    /// Text of a leading level-1 heading, which is removed from `html` (the page template shows
    /// the title itself).
    public var title: String?
    /// Every heading left in `html`, in order, with the `id` it was given.
    public var headings: [MarkdownHeading]
    /// Every link and image whose destination is not external, in document order.
    /// `links[i]` is the target of placeholder `i`.
    public var links: [MarkdownLink]

    public init(html: String, title: String?, headings: [MarkdownHeading], links: [MarkdownLink]) {
        self.html = html
        self.title = title
        self.headings = headings
        self.links = links
    }
}

public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link or image destination as the author wrote it, with its 1-based position in the
/// Markdown body (not the file: the caller adds the front-matter offset).
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var line: Int
    public var column: Int
    public var isImage: Bool

    public init(destination: String, line: Int, column: Int, isImage: Bool) {
        self.destination = destination
        self.line = line
        self.column = column
        self.isImage = isImage
    }
}

public struct MarkdownOptions: Sendable, Equatable {
    /// Pass raw HTML through (with GFM's tag filter). When false, raw HTML is omitted.
    public var unsafeHTML: Bool

    public init(unsafeHTML: Bool = false) {
        self.unsafeHTML = unsafeHTML
    }
}
