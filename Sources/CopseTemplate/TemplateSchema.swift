/// The names of a ``TemplateContext``, as a template author sees them: what each holds, when it
/// can be missing, and what it means. Themes are checked against schemas when they load.
package struct TemplateSchema: Sendable {
    /// The context type it describes (`MeetingItem`), for the generated documentation.
    package var name: String
    package var entries: [Entry]

    package init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }

    package struct Entry: Sendable {
        package var name: String
        package var shape: TemplateShape
        package var missing: Missing
        /// One line for docs/theme-context.md.
        package var doc: String

        package init(_ name: String, _ shape: TemplateShape, missing: Missing = .never, doc: String) {
            self.name = name
            self.shape = shape
            self.missing = missing
            self.doc = doc
        }
    }

    /// What a context holds in place of a value it does not have.
    package enum Missing: Sendable {
        /// Always there.
        case never
        /// Left out (a template then finds the name in an enclosing context, if any).
        case absent
        /// `false`.
        case asFalse
    }

    package subscript(name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// Whether a dotted name (`meeting.previous`) can be read from a context of this schema.
    package func has(_ name: TemplateName) -> Bool {
        var shape = TemplateShape.map(self)
        for part in name.parts {
            switch shape {
            case .any: return true
            case .map(let schema):
                guard let entry = schema[part] else { return false }
                shape = entry.shape
            case .text, .html, .number, .flag, .list: return false
            }
        }
        return true
    }
}

/// What a name holds.
package indirect enum TemplateShape: Sendable {
    case text
    /// HTML made by copse: write it with `{{{triple}}}` braces.
    case html
    case number
    case flag
    case map(TemplateSchema)
    case list(TemplateShape)
    /// Whatever a page's front matter gives (`page.extra`): any name may follow.
    case any
}
