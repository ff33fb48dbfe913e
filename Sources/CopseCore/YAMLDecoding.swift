import Foundation
import Yams

/// Parses YAML and decodes it into typed structs, turning every failure into a diagnostic that
/// points at the line in the original file.
struct YAMLDecoding {
    /// One decoder for all pages: making a `YAMLDecoder` reads the process environment twice.
    /// Decoding from a node only reads the decoder's options, so sharing it across threads is safe.
    nonisolated(unsafe) static let decoder = YAMLDecoder(encoding: .utf8)

    /// Plain scalars are typed as booleans, integers or null, else text. Yams tries each rule's
    /// regular expression on every scalar, and the default set has seven (floats, timestamps,
    /// merge keys...) that front matter has no use for: dates are read as text and checked by
    /// ``Day``, and a number with a fraction stays the text it was written as.
    static let resolver = Resolver.basic.appending(.bool).appending(.int).appending(.null)

    /// One constructor for all YAML: Yams' `Constructor.default` makes a new one, with its three
    /// tables, each time it is asked for (once per node's tag). Its tables are never changed
    /// after it is made, so threads may share it.
    nonisolated(unsafe) static let constructor = Constructor.default

    /// The file the YAML came from, relative to the hub root.
    var path: String
    /// File line of the YAML's first line, minus one (front matter starts on line 2: offset 1).
    var lineOffset: Int

    func compose(_ yaml: String) -> Result<Node?, Diagnostic> {
        // Aliases and nesting are bounded before Yams builds anything (see YAMLLimits).
        if let exceeded = YAMLLimits.check(yaml) {
            return .failure(.error(SourceLocation(path: path, line: exceeded.line + 1 + lineOffset, column: exceeded.column + 1),
                                   exceeded.message, hint: exceeded.hint))
        }
        do {
            // Passing the encoding and resolver avoids Yams reading the whole process environment
            // on every call (its `.default` encoding looks up YAMS_DEFAULT_ENCODING each time).
            return .success(try Yams.compose(yaml: yaml, Self.resolver, Self.constructor, .utf8).map { YAMLBaseSixty.defused($0, text: yaml) })
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: lineOffset + 1), "invalid YAML: \(error)"))
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from node: Node) -> Result<T, Diagnostic> {
        do {
            return .success(try Self.decoder.decode(type, from: node))
        } catch let error as DecodingError {
            return .failure(diagnostic(for: error, in: node))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error(location(of: node), "could not read this YAML: \(error)"))
        }
    }

    /// Like `decode`, but reports every key with a problem, not only the first: after each
    /// failure the offending top-level key is set aside and decoding is tried again.
    /// No value when any key had a problem.
    func decodeReportingAll<T: Decodable>(_ type: T.Type, from node: Node) -> Checked<T> {
        var current = node
        var diagnostics: [Diagnostic] = []
        while true {
            switch decode(type, from: current) {
            case .success(let value):
                return diagnostics.isEmpty ? Checked(value) : .failed(diagnostics)
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                guard case .mapping(let mapping) = current else { return .failed(diagnostics) }
                let kept = mapping.filter { key, _ in key.mark.map { $0.line + lineOffset } != diagnostic.location.line }
                guard kept.count < mapping.count else { return .failed(diagnostics) }
                current = .mapping(Node.Mapping(kept.map { ($0.key, $0.value) }, mapping.tag, mapping.style, mapping.mark))
            }
        }
    }

    /// Errors for keys of `node` (a mapping) that are not in `known`, each with a suggestion.
    func unknownKeys(in node: Node, known: [String], context: String) -> [Diagnostic] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { key, _ in
            guard let name = key.string, !known.contains(name) else { return nil }
            let hint = Suggestion.nearest(to: name, in: known).map { "did you mean '\($0)'?" }
                ?? "\(context) accepts: \(known.joined(separator: ", "))"
            return .error(location(of: key), "unknown key '\(name)' in \(context)", hint: hint)
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }
}

extension YAMLDecoding {
    func diagnostic(for error: YamlError) -> Diagnostic {
        let hint = "check the indentation and quoting on this line; quote a value that contains ': ' or starts with a special character"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // Point at where the unfinished construct starts (an open bracket or quote) when
            // libyaml says so: the problem itself is often only noticed lines later.
            guard let context, context.mark.line < mark.line else {
                return .error(SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column),
                              "invalid YAML: \(problem)", hint: hint)
            }
            return .error(SourceLocation(path: path, line: context.mark.line + lineOffset, column: context.mark.column),
                          "invalid YAML: \(problem) (noticed on line \(mark.line + lineOffset)) \(context.text) that starts here",
                          hint: hint)
        case .duplicatedKeysInMapping(let duplicates, _):
            return .error(SourceLocation(path: path, line: lineOffset + 1),
                          "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                          hint: "give each key once")
        default:
            return .error(SourceLocation(path: path, line: lineOffset + 1), "invalid YAML: \(error)", hint: hint)
        }
    }

    func diagnostic(for error: DecodingError, in root: Node) -> Diagnostic {
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (node, key) = find(context.codingPath, in: root)
            return .error(location(of: node), "'\(key)' should be \(Self.describe(type))",
                          hint: Self.example(for: type, key: key))
        case .keyNotFound(let missing, let context):
            let (node, key) = find(context.codingPath, in: root)
            let within = context.codingPath.isEmpty ? "" : " in '\(key)'"
            return .error(location(of: node), "missing required key '\(missing.stringValue)'\(within)",
                          hint: "add a line '\(missing.stringValue): ...'")
        case .dataCorrupted(let context):
            let (node, key) = find(context.codingPath, in: root)
            return .error(location(of: node), "'\(key)': \(context.debugDescription)",
                          hint: key == "time" ? MeetingTime.hint : "write dates as YYYY-MM-DD, for example 2026-11-24")
        @unknown default:
            return .error(location(of: root), "could not read this YAML: \(error)")
        }
    }

    /// The node to point at for a coding path (the key of the last mapping step, so the
    /// diagnostic lands on the key's own line; the deepest node found if the path runs out)
    /// and the key's dotted name.
    func find(_ path: [any CodingKey], in root: Node) -> (Node, String) {
        var node = root
        var pointAt = root
        var name = ""
        for key in path {
            if let index = key.intValue, case .sequence(let sequence) = node, index < sequence.count {
                node = sequence[index]
                pointAt = node
                name += "[\(index)]"
            } else if case .mapping(let mapping) = node,
                      let pair = mapping.first(where: { $0.key.string == key.stringValue }) {
                node = pair.value
                pointAt = pair.key
                name += name.isEmpty ? key.stringValue : ".\(key.stringValue)"
            } else {
                break
            }
        }
        return (pointAt, name.isEmpty ? "value" : name)
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type, is Bool?.Type: return "true or false"
        case is Int.Type, is Int?.Type: return "a whole number"
        case is [String].Type, is [String]?.Type: return "a list of text items"
        case is Day.Type, is Day?.Type: return "a date (YYYY-MM-DD)"
        case is Attendance.Type: return "a number of people or a list of names"
        case is String.Type, is Node.Scalar.Type: return "text, not a list or a map"
        case is Node.Sequence.Type: return "a list"
        case is Node.Mapping.Type: return "a map of 'key: value' lines"
        default: return "of a different kind (\(type))"
        }
    }

    static func example(for type: Any.Type, key: String) -> String {
        let bare = key.split(separator: ".").last.map(String.init) ?? key
        switch type {
        case is Bool.Type, is Bool?.Type: return "write '\(bare): true' or '\(bare): false'"
        case is [String].Type, is [String]?.Type, is Node.Sequence.Type: return "write '\(bare): [first, second]' or one '- item' per line"
        case is String.Type, is Node.Scalar.Type: return "write '\(bare): some text' on one line; quote it if it contains ': '"
        default: return "see the front-matter reference in the README"
        }
    }
}

extension Node.Mapping {
    func value(for key: String) -> Node? {
        first { $0.key.string == key }?.value
    }
}
