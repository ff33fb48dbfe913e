@testable import CopseTemplate
import Testing

/// `{{variable}}` escaping: the five characters HTML needs escaped, and nothing else touched.
@Suite struct HTMLEscapingTests {
    /// The escaping spelt out a character at a time.
    static func escapedCharacterByCharacter(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The word-at-a-time test finds each of the 256 byte values as a byte-by-byte test would, at
    /// every place in a word and in the bytes after the last whole word.
    @Test func everyByteValueAtEveryPlaceIsFoundAsOneAtATimeFindsIt() {
        for length in [1, 7, 8, 9, 16, 19] {
            for place in 0..<length {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[place] = UInt8(value)
                    let found = bytes.withUnsafeBufferPointer(HTMLEscaping.hasSpecialByte)
                    #expect(found == HTMLEscaping.isSpecial(UInt8(value)), "byte \(value) at \(place) of \(length)")
                }
            }
        }
        #expect(!HTMLEscaping.needsEscaping(""))
        #expect(HTMLEscaping.needsEscaping("a long plain sentence, then a quote\""))
    }

    @Test func randomTextIsEscapedAsCharacterByCharacter() {
        let pieces = ["a", "Tom's ", "&", "<b>", ">", "\"", "'", "&amp;", "é", "🌱", "\u{0}", "\n", " "]
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let text = (0..<next(10)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(HTMLEscaping.escape(text) == Self.escapedCharacterByCharacter(text), "\(text.debugDescription)")
            var appended = "before "
            HTMLEscaping.append(text, escapedTo: &appended)
            #expect(appended == "before " + Self.escapedCharacterByCharacter(text), "\(text.debugDescription)")
        }
        #expect(HTMLEscaping.escape("Tom's <b>\"fish\" & chips</b>") == "Tom&#39;s &lt;b&gt;&quot;fish&quot; &amp; chips&lt;/b&gt;")
    }
}
