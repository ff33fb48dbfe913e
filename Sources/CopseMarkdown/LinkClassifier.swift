/// Decides which link destinations copse resolves (internal) and which it leaves alone.
public enum LinkClassifier {
    /// Internal: a path without a URL scheme, not protocol-relative and not only a fragment.
    /// `charter.md`, `../norms.md#voice`, `/resources/x.md`, `photo.png` are internal;
    /// `https://…`, `mailto:…`, `//host/x` and `#top` are not.
    public static func isInternal(_ destination: String) -> Bool {
        guard let first = destination.first, first != "#" else { return false }
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
