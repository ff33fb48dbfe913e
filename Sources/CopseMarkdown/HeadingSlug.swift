/// Stable heading ids in the style readers know from code forges: lower case, letters and digits
/// kept (any script), spaces become hyphens, other punctuation dropped; repeats get `-1`, `-2`...
package struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    package init() {}

    package static func slug(_ text: String) -> String {
        let out = asciiSlug(text) ?? unicodeSlug(text)
        return out.isEmpty ? "section" : out
    }

    /// The slug of an all-ASCII text, byte by byte; nil when the text has any other character.
    /// For ASCII, the rules below come down to this, without asking Unicode's tables about every
    /// character of every heading.
    static func asciiSlug(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "\t"): out.append(UInt8(ascii: "-"))
            default: continue
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The slug by Unicode's rules, for text in any script.
    static func unicodeSlug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            } else if character == " " || character == "\t" {
                out.append("-")
            }
        }
        return out
    }

    package mutating func unique(_ text: String) -> String {
        let base = Self.slug(text)
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var next = count + 1
        while used["\(base)-\(next)"] != nil { next += 1 }
        used[base] = next
        used["\(base)-\(next)"] = 0
        return "\(base)-\(next)"
    }
}
