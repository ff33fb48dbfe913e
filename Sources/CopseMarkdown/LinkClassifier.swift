/// Decides which link destinations copse resolves (internal) and which it leaves alone.
package enum LinkClassifier {
    /// Internal: a path without a URL scheme and not protocol-relative, or a fragment of the
    /// page itself. `charter.md`, `../norms.md#voice`, `/resources/x.md`, `photo.png` and
    /// `#agenda` are internal; `https://…`, `mailto:…` and `//host/x` are not.
    package static func isInternal(_ destination: String) -> Bool {
        guard !destination.isEmpty, destination != "#" else { return false }
        if destination.hasPrefix("//") { return false }
        return !hasScheme(destination)
    }

    static func hasScheme(_ destination: String) -> Bool {
        asciiHasScheme(destination) ?? characterHasScheme(destination)
    }

    /// ``hasScheme(_:)`` on the bytes: the same answer whenever the scheme part is ASCII, which
    /// is decided without asking Unicode about each character. Nil when a non-ASCII byte follows
    /// the colon (it may join the colon into another character, which then is no colon).
    static func asciiHasScheme(_ destination: String) -> Bool? {
        var sawLetter = false
        var utf8 = destination.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: ":"):
                guard let next = utf8.next(), next >= 0x80 else { return sawLetter }
                return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard sawLetter else { return false }
            default:
                return false
            }
        }
        return false
    }

    static func characterHasScheme(_ destination: String) -> Bool {
        var sawLetter = false
        for character in destination {
            if character == ":" { return sawLetter }
            if character.isASCII, character.isLetter || (sawLetter && (character.isNumber || "+-.".contains(character))) {
                sawLetter = true
                continue
            }
            return false
        }
        return false
    }
}
