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
