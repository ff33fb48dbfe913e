/// One piece of a compiled template.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, with the indentation of a standalone tag and where the tag is written.
    case partial(String, indentation: String, at: TemplatePosition)
    /// `{{<name}}…{{/name}}`: render `name` with these block overrides.
    case parent(String, blocks: [String: [TemplateNode]], indentation: String, at: TemplatePosition)
    /// `{{$name}}default{{/name}}`
    case block(String, [TemplateNode])
}

/// A name as written in a tag, split once at compile time: `page.title` is `["page", "title"]`;
/// `.` (the current item) has no parts.
struct TemplateName: Sendable, Equatable {
    var parts: [String]

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Where a tag starts in its template's source (1-based; line 1 includes the compiler's pragma).
struct TemplatePosition: Sendable, Equatable, Hashable {
    var line: Int
    var column: Int
}

/// A template source could not be compiled.
struct TemplateError: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var column: Int
}
