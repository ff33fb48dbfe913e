/// How `copse check` and `copse build` print their diagnostics (`--format`).
package enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message` and an indented hint, for people (on standard error).
    case text
    /// One JSON object per diagnostic, one per line, for editors and scripts (on standard output).
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::…`), so a pull
    /// request shows each problem on its line (on standard output).
    case github

    /// `diagnostic` in this format, without a final newline. `pathPrefix` is put before the
    /// diagnostic's path (which is relative to the hub) in `json` and `github`, so that the path
    /// is relative to the folder copse was run in: `hub/` for `--root hub`, else empty.
    package func line(for diagnostic: Diagnostic, pathPrefix: String = "") -> String {
        switch self {
        case .text: diagnostic.description
        case .json: Self.json(diagnostic, path: pathPrefix + diagnostic.location.path)
        case .github: Self.github(diagnostic, path: pathPrefix + diagnostic.location.path)
        }
    }

    /// Whether the diagnostics go to standard output (the formats for programs) rather than
    /// standard error; in those formats every other message goes to standard error.
    package var isForPrograms: Bool { self != .text }
}

package extension DiagnosticFormat {
    /// GitHub's escaping of a workflow command's message: `%`, carriage return and line feed.
    static func escapeGitHubData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// GitHub's escaping of a workflow command's property value: as for the message, and also
    /// `:` and `,`, which would end the property.
    static func escapeGitHubProperty(_ text: String) -> String {
        var out = ""
        for character in escapeGitHubData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

private extension DiagnosticFormat {
    /// Keys in a fixed order on one line; `hint` is null when there is none.
    static func json(_ diagnostic: Diagnostic, path: String) -> String {
        let pairs: [(String, JSONValue)] = [
            ("path", .string(path)), ("line", .int(diagnostic.location.line)), ("column", .int(diagnostic.location.column)),
            ("severity", .string(diagnostic.severity.rawValue)), ("message", .string(diagnostic.message)),
            ("hint", .optional(diagnostic.hint)),
        ]
        return "{" + pairs.map { key, value in JSONValue.quoted(key) + ":" + compact(value) }.joined(separator: ",") + "}"
    }

    static func compact(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .string(let text): JSONValue.quoted(text)
        default: value.text
        }
    }

    /// The title is the message; the body repeats it with the hint on a second line, so both the
    /// annotation and the log read whole.
    static func github(_ diagnostic: Diagnostic, path: String) -> String {
        let properties = [("file", path), ("line", String(diagnostic.location.line)), ("col", String(diagnostic.location.column)),
                          ("title", diagnostic.message)]
            .map { "\($0.0)=\(escapeGitHubProperty($0.1))" }.joined(separator: ",")
        let body = diagnostic.hint.map { diagnostic.message + "\nhint: " + $0 } ?? diagnostic.message
        return "::\(diagnostic.severity.rawValue) \(properties)::\(escapeGitHubData(body))"
    }
}
