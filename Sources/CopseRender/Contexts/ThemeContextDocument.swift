import CopseTemplate

/// The generated half of docs/theme-context.md: every template's context and every value in
/// it, from the context types' `fields`. The hand-written half (above ``marker``) is kept as it
/// is; a test fails when the file differs from what this writes (`./dev theme-context` rewrites it).
package enum ThemeContextDocument {
    /// The line after which the file is generated.
    package static let marker = "<!-- Everything below is generated from Sources/CopseRender/Contexts by ./dev theme-context: edit the fields there, not here. -->"

    /// The whole document: `prose` (the file up to and including the marker line), then the
    /// generated reference.
    package static func markdown(prose: String) -> String {
        var lines = [prose.hasSuffix("\n") ? String(prose.dropLast()) : prose, ""]
        lines += templatesTable()
        let layout = LayoutContext.schema
        lines += ["## Names every page has (`layout`)", "",
                  "The `layout` template renders with the names of whichever page it renders; these are on every page.", ""]
        lines += table(layout)
        for kind in TemplateKind.allCases where kind != .layout {
            lines += ["## `\(kind.template)`", "", sentence(kind.purpose) + " Besides the names every page has:", ""]
            lines += table(TemplateSchema(name: kind.template, entries: Array(kind.schema.entries.dropFirst(layout.entries.count))))
        }
        lines += ["## Values", "", "The maps the names above hold, and the items of their lists.", ""]
        for schema in nestedSchemas() {
            lines += ["### \(schema.name)", ""]
            lines += table(schema)
        }
        return lines.joined(separator: "\n")
    }
}

private extension ThemeContextDocument {
    static func templatesTable() -> [String] {
        ["## Templates", "", "Every page is rendered with the template named after its kind; a theme must have each of them.", "",
         "| template | used for |", "| --- | --- |"]
            + TemplateKind.allCases.map { "| `\($0.template)` | \($0.purpose) |" } + [""]
    }

    static func table(_ schema: TemplateSchema) -> [String] {
        ["| name | holds | meaning |", "| --- | --- | --- |"]
            + schema.entries.map { "| `\($0.name)` | \(describe($0.shape))\(missing($0.missing)) | \($0.doc) |" } + [""]
    }

    static func describe(_ shape: TemplateShape) -> String {
        switch shape {
        case .text: "text"
        case .html: "HTML (`{{{triple}}}`)"
        case .number: "number"
        case .flag: "true or false"
        case .map(let schema): "[\(schema.name)](#\(schema.name.lowercased()))"
        case .list(let item): "list of " + describe(item)
        case .any: "anything"
        }
    }

    static func missing(_ missing: TemplateSchema.Missing) -> String {
        switch missing {
        case .never: ""
        case .absent: ", may be absent"
        case .asFalse: ", or false"
        }
    }

    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// Every map reachable from the templates' contexts, each once, in the order first met.
    static func nestedSchemas() -> [TemplateSchema] {
        var seen: Set<String> = []
        var found: [TemplateSchema] = []
        func visit(_ shape: TemplateShape) {
            switch shape {
            case .map(let schema):
                guard seen.insert(schema.name).inserted else { return }
                found.append(schema)
                schema.entries.forEach { visit($0.shape) }
            case .list(let item): visit(item)
            case .text, .html, .number, .flag, .any: break
            }
        }
        for kind in TemplateKind.allCases { kind.schema.entries.forEach { visit($0.shape) } }
        return found
    }
}
