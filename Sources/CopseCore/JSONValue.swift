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
        var copy = text
        // Most text needs no escape: appended whole. Otherwise the runs between the bytes that
        // need one are copied whole (a search part's word list is tens of kilobytes).
        let escaped = copy.withUTF8 { bytes -> [UInt8]? in
            guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return nil }
            var escaped: [UInt8] = [UInt8(ascii: "\"")]
            escaped.reserveCapacity(bytes.count + bytes.count / 8 + 2)
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): escaped.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): escaped.append(contentsOf: "\\\\".utf8)
                case 0x0A: escaped.append(contentsOf: "\\n".utf8)
                case 0x0D: escaped.append(contentsOf: "\\r".utf8)
                case 0x09: escaped.append(contentsOf: "\\t".utf8)
                default:
                    let digits = Array("0123456789abcdef".utf8)
                    escaped.append(contentsOf: "\\u00".utf8)
                    escaped.append(digits[Int(byte >> 4)])
                    escaped.append(digits[Int(byte & 0x0F)])
                }
            }
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            escaped.append(UInt8(ascii: "\""))
            return escaped
        }
        if let escaped {
            out += String(decoding: escaped, as: UTF8.self)
        } else {
            out += "\""
            out += text
            out += "\""
        }
    }
}
