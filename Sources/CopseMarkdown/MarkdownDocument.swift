/// What the Markdown stage hands to the rest of copse: plain Swift values, no C pointers.
package struct MarkdownDocument: Sendable, Equatable {
    /// The rendered HTML. Every link that needs resolving carries a placeholder URL
    /// (see ``LinkPlaceholder``) that a later stage replaces with the resolved address.
    package var html: String {
        get { body.value }
        set { body = PageHTML(newValue) }
    }
    /// Where ``html`` is kept: in memory, or stored by the parse cache (see ``PageHTML``).
    package private(set) var body: PageHTML
    /// Text of a leading level-1 heading, which is removed from `html` (the page template shows
    /// the title itself).
    package var title: String?
    /// Every heading left in `html`, in order, with the `id` it was given.
    package var headings: [MarkdownHeading]
    /// Every link and image whose destination is not external, in document order.
    /// `links[i]` is the target of placeholder `i`.
    package var links: [MarkdownLink]
    /// Ids in `html` a `#fragment` may point at that are not headings: footnotes, and `id`
    /// attributes of raw HTML when it is allowed.
    package var otherAnchors: [String]
    /// The placeholder tag of this document (see ``LinkPlaceholder/tag(avoiding:)``).
    package var placeholderTag: String
    /// The text of each private passage (a fenced block with the info string `private`), which
    /// is not in `html`: kept only for the leak audit.
    package var privatePassages: [String]
    /// Where each image with an empty description (`![](photo.png)`) sits in the body, for a
    /// warning; `![""](photo.png)` marks an image as decorative and is not listed.
    package var imagesWithoutDescription: [MarkdownPosition]

    package init(html: String, title: String?, headings: [MarkdownHeading], links: [MarkdownLink],
                otherAnchors: [String] = [], placeholderTag: String = LinkPlaceholder.defaultTag,
                privatePassages: [String] = [], imagesWithoutDescription: [MarkdownPosition] = []) {
        body = PageHTML(html)
        self.title = title
        self.headings = headings
        self.links = links
        self.otherAnchors = otherAnchors
        self.placeholderTag = placeholderTag
        self.privatePassages = privatePassages
        self.imagesWithoutDescription = imagesWithoutDescription
    }

    /// The same document, with its HTML kept in `body` (one the parse cache named or stored).
    package init(_ document: MarkdownDocument, body: PageHTML) {
        self = document
        self.body = body
    }
}

package struct MarkdownHeading: Sendable, Equatable {
    package var level: Int
    package var text: String
    package var id: String

    package init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link or image destination as the author wrote it, with its 1-based position in the
/// Markdown body (not the file: the caller adds the front-matter offset).
package struct MarkdownLink: Sendable, Equatable {
    /// A Markdown destination (`../norms.md#voice`), or a wiki link's `target#fragment`.
    package var destination: String
    package var line: Int
    package var column: Int
    package var isImage: Bool
    /// Written as `[[…]]`.
    package var isWiki: Bool
    /// A wiki link with `|label`. One without shows its target's title, filled in with the URL.
    package var hasLabel: Bool

    package init(destination: String, line: Int, column: Int, isImage: Bool, isWiki: Bool = false, hasLabel: Bool = true) {
        self.destination = destination
        self.line = line
        self.column = column
        self.isImage = isImage
        self.isWiki = isWiki
        self.hasLabel = hasLabel
    }
}

package struct MarkdownOptions: Sendable, Equatable {
    /// Pass raw HTML through (with GFM's tag filter). When false, raw HTML is omitted.
    package var unsafeHTML: Bool

    package init(unsafeHTML: Bool = false) {
        self.unsafeHTML = unsafeHTML
    }
}

/// A 1-based line and column in a Markdown body (the caller adds the front-matter offset).
package struct MarkdownPosition: Sendable, Equatable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
