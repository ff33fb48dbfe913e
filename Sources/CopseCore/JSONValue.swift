/// A JSON document written in a fixed key order. The evidence export writes thousands of small
/// objects; building them as values and writing them in one pass is several times faster than
/// JSONEncoder, and keeps the keys in the documented order.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// `.string`, or `.null` for nil.
    package static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Two-space indents, one key per line; arrays of plain values on one line. Ends without a newline.
    package var text: String {
        var out = ""
        write(into: &out, indent: "")
        return out
    }

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }

    /// `text` as a JSON string literal, quotes included.
    package static func quoted(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }
}

private extension JSONValue {
    var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let items) where items.isEmpty: out += "[]"
        case .array(let items) where !items.contains(where: \.isContainer):
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += ", " }
                item.write(into: &out, indent: indent)
            }
            out += "]"
        case .array(let items):
            let inner = indent + "  "
            out += "[\n"
            for (position, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: inner)
                out += position + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let pairs) where pairs.isEmpty: out += "{}"
        case .object(let pairs):
            let inner = indent + "  "
            out += "{\n"
            for (position, (key, value)) in pairs.enumerated() {
                out += inner
                Self.quote(key, into: &out)
                out += ": "
                value.write(into: &out, indent: inner)
                out += position + 1 < pairs.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            plain = false
            break
        }
        if plain {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
