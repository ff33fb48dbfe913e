/// One piece of a compiled template.
package indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is), and where the tag is written.
    case variable(TemplateName, escaped: Bool, at: TemplatePosition)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool, at: TemplatePosition)
    /// `{{>name}}`, with the indentation of a standalone tag and where the tag is written.
    case partial(String, indentation: String, at: TemplatePosition)
    /// `{{<name}}…{{/name}}`: render `name` with these block overrides.
    case parent(String, blocks: [String: [TemplateNode]], indentation: String, at: TemplatePosition)
    /// `{{$name}}default{{/name}}`
    case block(String, [TemplateNode])
}

/// A name as written in a tag, split once at compile time: `page.title` is `["page", "title"]`;
/// `.` (the current item) has no parts.
package struct TemplateName: Sendable, Equatable, Hashable {
    package var parts: [String]

    package init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Where a tag starts in its template's source (1-based; line 1 includes the compiler's pragma).
package struct TemplatePosition: Sendable, Equatable, Hashable, Comparable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A template source could not be compiled.
package struct TemplateError: Error, Sendable, Equatable {
    package var message: String
    package var line: Int
    package var column: Int

    package init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }
}

extension TemplateName: CustomStringConvertible {
    /// The name as written in the tag.
    package var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}
