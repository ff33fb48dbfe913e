import CopseMarkdown

/// One Markdown file after the parse stage: typed front matter, leftover keys, rendered body.
///
/// Its parts live in one shared box, copied on write: a page is copied into the index, the linked
/// site and the site's pages, and read from every template context, and a copy costs one
/// reference count instead of one for each of its dozens of strings and lists.
package struct ParsedPage: Sendable, Equatable {
    package struct Parts: Sendable, Equatable {
        package var source: String
        package var contentPath: String
        package var frontMatter: FrontMatter
        package var extra: [YAMLValue.MapEntry]
        package var keyLines: [String: Int]
        package var bodyLineOffset: Int
        package var markdown: MarkdownDocument
        package var evidenceKeyProblems: [Diagnostic]
    }

    /// Never changed once shared: a change to a page whose box is shared goes into a new box.
    private final class Box: @unchecked Sendable {
        var parts: Parts
        init(_ parts: Parts) { self.parts = parts }
    }

    private var box: Box

    /// The box, this page's own.
    private mutating func own() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.parts) }
        return box
    }

    /// Path relative to the hub root, as diagnostics print it: `content/communities/x/charter.md`.
    package var source: String {
        _read { yield box.parts.source }
        _modify { yield &own().parts.source }
    }
    /// Path relative to `content/`: `communities/x/charter.md`.
    package var contentPath: String {
        _read { yield box.parts.contentPath }
        _modify { yield &own().parts.contentPath }
    }
    package var frontMatter: FrontMatter {
        _read { yield box.parts.frontMatter }
        _modify { yield &own().parts.frontMatter }
    }
    /// Front-matter keys copse does not know, sorted by key, for templates.
    package var extra: [YAMLValue.MapEntry] {
        _read { yield box.parts.extra }
        _modify { yield &own().parts.extra }
    }
    /// File line of each front-matter key, for later diagnostics.
    package var keyLines: [String: Int] {
        _read { yield box.parts.keyLines }
        _modify { yield &own().parts.keyLines }
    }
    /// Lines before the Markdown body (front matter and its fences).
    package var bodyLineOffset: Int {
        _read { yield box.parts.bodyLineOffset }
        _modify { yield &own().parts.bodyLineOffset }
    }
    package var markdown: MarkdownDocument {
        _read { yield box.parts.markdown }
        _modify { yield &own().parts.markdown }
    }
    /// Unknown keys inside `evidence:`, reported by the evidence index.
    package var evidenceKeyProblems: [Diagnostic] {
        _read { yield box.parts.evidenceKeyProblems }
        _modify { yield &own().parts.evidenceKeyProblems }
    }

    package init(source: String, contentPath: String, frontMatter: FrontMatter = FrontMatter(),
                extra: [YAMLValue.MapEntry] = [], keyLines: [String: Int] = [:], bodyLineOffset: Int = 0,
                markdown: MarkdownDocument, evidenceKeyProblems: [Diagnostic] = []) {
        box = Box(Parts(source: source, contentPath: contentPath, frontMatter: frontMatter, extra: extra, keyLines: keyLines,
                        bodyLineOffset: bodyLineOffset, markdown: markdown, evidenceKeyProblems: evidenceKeyProblems))
    }

    package static func == (left: ParsedPage, right: ParsedPage) -> Bool {
        left.box === right.box || left.box.parts == right.box.parts
    }

    /// Where a Markdown link sits in the file.
    package func location(of link: MarkdownLink) -> SourceLocation {
        SourceLocation(path: source, line: link.line + bodyLineOffset, column: link.column)
    }

    package func location(ofKey key: String) -> SourceLocation {
        SourceLocation(path: source, line: keyLines[key] ?? 1, column: 1)
    }
}

/// Reflected as its parts, not its box: what `dump` shows, and what the parse cache's tests count
/// and check field by field.
extension ParsedPage: CustomReflectable {
    package var customMirror: Mirror { Mirror(reflecting: box.parts) }
}
