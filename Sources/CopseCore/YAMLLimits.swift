// libyaml's event parser, as Yams builds it (no other copy of the library is linked). Yams
// offers only whole documents, and composing one is what must not happen to an alias bomb.
import CYaml

/// Bounds on a YAML text, checked on libyaml's event stream before Yams composes it.
///
/// Yams shares an aliased node instead of copying it, so composing a "billion laughs" text
/// (`b: &b [*a, *a, ...]`, each line nine times the last) is cheap; but everything after it
/// (decoding, comparing mapping keys, handing unknown keys to templates) walks the tree as if
/// every alias were written out, which takes gigabytes. Deep nesting recurses in Yams' composer
/// and decoder. So a text whose values, with every alias written out, would number more than
/// ``maximumNodes``, or that nests deeper than ``maximumDepth``, is refused at the line that
/// crosses the bound, in one pass over the events that keeps only a stack and each anchor's size.
struct YAMLLimits {
    static let maximumNodes = 100_000
    static let maximumDepth = 64

    /// Where and why a text crossed a bound; 0-based line and column as libyaml counts them.
    struct Exceeded: Equatable {
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    /// True when `yaml` is too short to cross either bound, whatever it says, so that the pass
    /// over its events can be skipped (front matter is almost always this: one libyaml pass
    /// instead of two). Without an alias (`*`), every value is written out; a byte of YAML opens
    /// at most three of them (`a:` alone is a map, its key and an empty value), so fewer than a
    /// third of ``maximumNodes`` bytes hold too few. Every list or map needs a character of its
    /// own among `-`, `?`, `:`, `[` and `{`; with at most ``maximumDepth`` of those, nothing
    /// nests deeper.
    static func isSurelyWithin(_ yaml: String) -> Bool {
        let utf8 = yaml.utf8
        guard utf8.count < maximumNodes / 3 - 1 else { return false }
        var indicators = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "*"): return false
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"):
                indicators += 1
                if indicators > maximumDepth { return false }
            default: continue
            }
        }
        return true
    }

    /// The first bound `yaml` crosses; nil when it is within bounds, or when it is not valid
    /// YAML (Yams then reports the syntax error as usual).
    static func check(_ yaml: String) -> Exceeded? {
        if isSurelyWithin(yaml) { return nil }
        return checkEvents(yaml)
    }

    /// ``check(_:)`` on libyaml's events, without the shortcut.
    static func checkEvents(_ yaml: String) -> Exceeded? {
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = Counter()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nestingError(parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let exceeded = counter.take(event) { return exceeded }
            }
        }
    }
}

private extension YAMLLimits {
    /// libyaml's own bound on nesting (1,000 levels, met while it looks ahead for keys), said as
    /// copse says its own; nil for any other error, which Yams reports.
    static func nestingError(_ parser: yaml_parser_t) -> Exceeded? {
        guard let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") else { return nil }
        return tooDeep(line: Int(parser.problem_mark.line), column: Int(parser.problem_mark.column))
    }

    static func tooDeep(line: Int, column: Int) -> Exceeded {
        Exceeded(line: line, column: column, message: "lists and maps are nested more than \(maximumDepth) deep here",
                 hint: "front matter and settings need only a few levels; flatten this value")
    }

    /// The collections open at the current event, and the size of every anchored node so far.
    struct Counter {
        struct Open {
            var anchor: String?
            var size = 1
        }

        var open: [Open] = []
        var anchorSizes: [String: Int] = [:]
        var total = 0

        mutating func take(_ event: yaml_event_t) -> Exceeded? {
            let line = Int(event.start_mark.line), column = Int(event.start_mark.column)
            switch event.type {
            case YAML_SCALAR_EVENT:
                if let anchor = Self.text(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
                return add(1, line: line, column: column, alias: nil)
            case YAML_ALIAS_EVENT:
                let anchor = Self.text(event.data.alias.anchor) ?? ""
                return add(anchorSizes[anchor] ?? 1, line: line, column: column, alias: anchor)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = Self.text(event.type == YAML_SEQUENCE_START_EVENT
                                       ? event.data.sequence_start.anchor : event.data.mapping_start.anchor)
                open.append(Open(anchor: anchor))
                total = min(total + 1, maximumNodes + 1)
                guard open.count <= maximumDepth else { return YAMLLimits.tooDeep(line: line, column: column) }
                return total > maximumNodes ? tooLarge(line: line, column: column, alias: nil) : nil
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchorSizes[anchor] = closed.size }
                if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + closed.size, maximumNodes + 1) }
                return nil
            default:
                return nil
            }
        }

        /// Counts `size` more values (an alias counts as everything its anchor holds).
        mutating func add(_ size: Int, line: Int, column: Int, alias: String?) -> Exceeded? {
            total = min(total + size, maximumNodes + 1)
            if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + size, maximumNodes + 1) }
            return total > maximumNodes ? tooLarge(line: line, column: column, alias: alias) : nil
        }

        func tooLarge(line: Int, column: Int, alias: String?) -> Exceeded {
            let limit = "\(maximumNodes / 1_000),000"  // thousands grouped the same way in every locale
            guard let alias else {
                return Exceeded(line: line, column: column, message: "this YAML holds more than \(limit) values",
                                hint: "front matter and settings are meant to be short; move long data into the page's text")
            }
            return Exceeded(line: line, column: column,
                            message: "the alias *\(alias) makes this YAML too large: with its aliases written out it would hold more than \(limit) values",
                            hint: "write the value out instead of repeating an alias (&name ... *name) of a list that itself repeats aliases")
        }

        static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
