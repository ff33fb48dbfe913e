import CopseMarkdown

/// One Markdown file after the parse stage: typed front matter, leftover keys, rendered body.
package struct ParsedPage: Sendable, Equatable {
    /// Path relative to the hub root, as diagnostics print it: `content/communities/x/charter.md`.
    package var source: String
    /// Path relative to `content/`: `communities/x/charter.md`.
    package var contentPath: String
    package var frontMatter: FrontMatter
    /// Front-matter keys copse does not know, sorted by key, for templates.
    package var extra: [YAMLValue.MapEntry]
    /// File line of each front-matter key, for later diagnostics.
    package var keyLines: [String: Int]
    /// Lines before the Markdown body (front matter and its fences).
    package var bodyLineOffset: Int
    package var markdown: MarkdownDocument
    /// Unknown keys inside `evidence:`, reported by the evidence index.
    package var evidenceKeyProblems: [Diagnostic]

    package init(source: String, contentPath: String, frontMatter: FrontMatter = FrontMatter(),
                extra: [YAMLValue.MapEntry] = [], keyLines: [String: Int] = [:], bodyLineOffset: Int = 0,
                markdown: MarkdownDocument, evidenceKeyProblems: [Diagnostic] = []) {
        self.source = source
        self.contentPath = contentPath
        self.frontMatter = frontMatter
        self.extra = extra
        self.keyLines = keyLines
        self.bodyLineOffset = bodyLineOffset
        self.markdown = markdown
        self.evidenceKeyProblems = evidenceKeyProblems
    }

    /// Where a Markdown link sits in the file.
    package func location(of link: MarkdownLink) -> SourceLocation {
        SourceLocation(path: source, line: link.line + bodyLineOffset, column: link.column)
    }

    package func location(ofKey key: String) -> SourceLocation {
        SourceLocation(path: source, line: keyLines[key] ?? 1, column: 1)
    }
}
