import Yams

/// YAML 1.1 reads a plain scalar of numbers joined by colons (`1:30`, `190:20:30`) as one number
/// in base 60, and Yams works it out in `Int` arithmetic that traps when the number does not fit
/// (`1:1:1:1:1:1:1:1:1:1:1` has too many places; `99999999999999999:59` too large a first one).
/// Such a scalar, when its number would not fit, is made a quoted one before anything reads it,
/// so that it is read as the text it is: a key that wants a number then reports it as one.
enum YAMLBaseSixty {
    /// `node` with every plain scalar whose base-60 number would overflow made quoted text;
    /// `node` itself when it has none (nearly always: `text`, the YAML it was composed from,
    /// is checked for a digit, a colon and a digit first).
    static func defused(_ node: Node, text: String) -> Node {
        guard mayHaveBaseSixty(text) else { return node }
        return defused(node)
    }

    /// Whether Yams would trap making an `Int` of `text` as a base-60 number (see
    /// `FixedWidthInteger.private_construct` and `String.sexagesimal` in Yams' Constructor.swift,
    /// whose steps this follows, checking each for overflow).
    static func overflows(_ text: String) -> Bool {
        var scalar = Substring(text.replacingOccurrences(of: "_", with: ""))
        guard scalar.contains(":") else { return false }
        var sign = 1
        if scalar.hasPrefix("-") {
            sign = -1
            scalar = scalar.dropFirst()
        } else if scalar.hasPrefix("+") {
            scalar = scalar.dropFirst()
        }
        // Yams reads a number with one of these prefixes in its radix, never in base 60.
        guard !["0x", "0b", "0o", "0"].contains(where: { scalar.hasPrefix($0) }) else { return false }
        var digits: [Int] = []
        for part in scalar.split(separator: ":", omittingEmptySubsequences: false) {
            guard let digit = Int(part, radix: 10) else { return false }
            digits.append(digit)
        }
        var base = 1, value = 0
        for digit in digits.reversed() {
            let (product, productOverflows) = digit.multipliedReportingOverflow(by: base)
            let (sum, sumOverflows) = value.addingReportingOverflow(product)
            let (next, baseOverflows) = base.multipliedReportingOverflow(by: 60)
            if productOverflows || sumOverflows || baseOverflows { return true }
            (value, base) = (sum, next)
        }
        return sign.multipliedReportingOverflow(by: value).overflow
    }
}

private extension YAMLBaseSixty {
    static func defused(_ node: Node) -> Node {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any, overflows(scalar.string) else { return node }
            return .scalar(Node.Scalar(scalar.string, Tag(.str), .singleQuoted, scalar.mark, scalar.anchor))
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.map { (defused($0.key), defused($0.value)) }, mapping.tag, mapping.style, mapping.mark,
                                         mapping.anchor))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { defused($0) }, sequence.tag, sequence.style, sequence.mark, sequence.anchor))
        case .alias:
            return node
        }
    }

    /// A colon between a digit and a digit or sign, somewhere in `text` (underscores, which
    /// Yams drops from a number, count as digits).
    static func mayHaveBaseSixty(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 1..<(bytes.count - 1) where bytes[index] == UInt8(ascii: ":") {
                let after = bytes[index + 1]
                if isDigit(bytes[index - 1]), isDigit(after) || after == UInt8(ascii: "+") || after == UInt8(ascii: "-") { return true }
            }
            return false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
