import CopseTemplate
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
        }
        #expect(HTMLEscaping.escape("Tom's <b>\"fish\" & chips</b>") == "Tom&#39;s &lt;b&gt;&quot;fish&quot; &amp; chips&lt;/b&gt;")
    }
}
