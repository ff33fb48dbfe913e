/// Stable heading ids in the style readers know from code forges: lower case, letters and digits
/// kept (any script), spaces become hyphens, other punctuation dropped; repeats get `-1`, `-2`...
package struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    package init() {}

    package static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            } else if character == " " || character == "\t" {
                out.append("-")
            }
        }
        return out.isEmpty ? "section" : out
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
