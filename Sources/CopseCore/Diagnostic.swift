/// A place in a source file. `path` is relative to the hub root (`content/...`, `copse.yml`).
package struct SourceLocation: Sendable, Hashable, Comparable {
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// One problem found in a build: where, what, and how to fix it.
package struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    package var severity: Severity
    package var location: SourceLocation
    package var message: String
    package var hint: String?

    package init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    package static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    package static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }

    /// `content/x.md:12:5: error: broken link to 'norms.md'` and, when there is one, an indented hint.
    package var description: String {
        let head = "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        guard let hint else { return head }
        return head + "\n    hint: " + hint
    }

    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

package extension Array where Element == Diagnostic {
    var hasErrors: Bool { contains { $0.severity == .error } }
    var errorCount: Int { filter { $0.severity == .error }.count }
    var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// What every stage of a build returns: the value it made, nil when it could not make one, and
/// every problem it found on the way, warnings included. This is copse's one way of reporting
/// problems: stages neither throw nor append to a caller's list, so each is a plain function of
/// its input, and a caller gathers every stage's problems to report them all at once.
package struct Checked<Value> {
    package var value: Value?
    package var diagnostics: [Diagnostic]

    package init(_ value: Value?, _ diagnostics: [Diagnostic] = []) {
        self.value = value
        self.diagnostics = diagnostics
    }

    /// No value, for these reasons.
    package static func failed(_ diagnostics: [Diagnostic]) -> Checked { Checked(nil, diagnostics) }

    /// The next step on the value, when there is one, with the problems of both steps.
    package func then<Next>(_ next: (Value) -> Checked<Next>) -> Checked<Next> {
        guard let value else { return .failed(diagnostics) }
        let after = next(value)
        return Checked<Next>(after.value, diagnostics + after.diagnostics)
    }

    /// The same value with these problems instead (a caller that gathered them from every step).
    package func replacingDiagnostics(_ diagnostics: [Diagnostic]) -> Checked {
        Checked(value, diagnostics)
    }

    /// The value changed by `transform`, with the same problems.
    package func map<Next>(_ transform: (Value) -> Next) -> Checked<Next> {
        Checked<Next>(value.map(transform), diagnostics)
    }
}

extension Checked: Sendable where Value: Sendable {}

extension Checked: Equatable where Value: Equatable {}

package extension Checked {
    /// The value, or a ``BuildFailure`` with the problems when there is none: for callers that
    /// would rather throw (tests, commands that stop at the first failed step).
    func get() throws -> Value {
        guard let value else { throw BuildFailure(diagnostics) }
        return value
    }
}

/// Thrown by ``Checked/get()`` when a step made nothing; carries every problem it found.
package struct BuildFailure: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
