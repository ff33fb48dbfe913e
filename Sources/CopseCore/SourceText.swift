import Foundation

/// Turns a file's bytes into text copse can work with: UTF-8 checked (with the position of the
/// first bad byte), a byte-order mark dropped, CRLF and lone CR line ends made LF.
package enum SourceText {
    package enum Failure: Error, Equatable {
        /// 1-based line and column (in characters) of the first byte that is not UTF-8.
        case notUTF8(line: Int, column: Int)
    }

    package static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The standard library checks the bytes once, quickly; only a file that fails is walked
        // again, to say where.
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8(body) ?? body.startIndex
            let prefix = String(decoding: body[body.startIndex..<bad], as: UTF8.self)
            let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
            return .failure(.notUTF8(line: lines.count, column: (lines.last?.count ?? 0) + 1))
        }
        let hasCarriageReturn = body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), buffer.count) != nil } ?? false
        }
        guard hasCarriageReturn else { return .success(text) }
        var normalised = [UInt8]()
        normalised.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == UInt8(ascii: "\r") {
                normalised.append(UInt8(ascii: "\n"))
                if index + 1 < body.endIndex, body[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                normalised.append(byte)
            }
            index += 1
        }
        return .success(String(decoding: normalised, as: UTF8.self))
    }
}

private extension SourceText {
    /// Index of the first byte that starts an invalid or truncated UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}
