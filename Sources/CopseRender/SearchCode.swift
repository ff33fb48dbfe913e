/// How the search index writes a page's text: each word number as one to three characters of
/// ``alphabet``, a JSON-safe set of printable ASCII (no space, `"` or `\`). The first
/// ``terminals`` characters end a number; the others carry its higher digits before the end.
/// Number `n < 64` is one character; `64 <= n < 64 + 28 * 64` two; and so on.
enum SearchCode {
    static let alphabet: String = {
        let printable = (0x21...0x7e).map { UInt8($0) }.filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        return String(decoding: printable, as: UTF8.self)
    }()

    static let terminals = 64
    private static let bytes = Array(alphabet.utf8)
    private static var continuations: Int { bytes.count - terminals }

    /// Appends the code of every number in `numbers`.
    static func append(_ numbers: [Int32], to out: inout String) {
        var code: [UInt8] = []
        code.reserveCapacity(numbers.count * 2)
        bytes.withUnsafeBufferPointer { alphabet in
            for number in numbers { append(Int(number), alphabet: alphabet, to: &code) }
        }
        out += String(decoding: code, as: UTF8.self)
    }

    /// Appends the code of `rank[n]` for every `n` in a page's packed word numbers (the word
    /// numbers of its part's vocabulary, turned into their ranks), into bytes: the search index
    /// writes every word of the site this way, so it works on raw buffers.
    static func append(_ numbers: PackedWordIDs, rank: [Int32], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { alphabet in
            rank.withUnsafeBufferPointer { rank in
                numbers.forEach { append(Int(rank[Int($0)]), alphabet: alphabet, to: &out) }
            }
        }
    }

    /// The code of one number: its higher digits, most significant first, then its terminal.
    private static func append(_ number: Int, alphabet: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var value = number
        if value < terminals {
            out.append(alphabet[value])
            return
        }
        let continuations = alphabet.count - terminals
        // Numbers that need k continuation characters start after all shorter ones.
        var span = terminals
        var length = 0
        while value >= span {
            value -= span
            span *= continuations
            length += 1
        }
        let terminal = value % terminals
        var high = value / terminals
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length))
        for position in stride(from: start + length - 1, through: start, by: -1) {
            out[position] = alphabet[terminals + high % continuations]
            high /= continuations
        }
        out.append(alphabet[terminal])
    }

    /// The numbers in `code`: the inverse of ``append(_:to:)``.
    static func decode(_ code: String) -> [Int] {
        var lookup = [Int](repeating: -1, count: 128)
        for (value, byte) in bytes.enumerated() { lookup[Int(byte)] = value }
        var numbers: [Int] = []
        var high = 0, length = 0
        for byte in code.utf8 {
            let value = lookup[Int(byte)]
            if value >= terminals {
                high = high * continuations + (value - terminals)
                length += 1
            } else {
                var offset = 0, span = terminals
                for _ in 0..<length {
                    offset += span
                    span *= continuations
                }
                numbers.append(offset + high * terminals + value)
                high = 0
                length = 0
            }
        }
        return numbers
    }
}
