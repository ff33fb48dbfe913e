import Foundation

/// How search turns the words of a page into the terms it is found by. `assets/search.js` does
/// the same to the words of a query (`copseSearchTerms` there); `Tests/Fixtures/search-terms.json`
/// holds cases both are checked against, so that a query always meets the index's terms.
///
/// A word (the text between two spaces) is folded to lower case without accents, then split at
/// every character that is not a letter or a digit: `Pair-programming,` gives `pair` and
/// `programming`. A word of two or three parts is also found by its parts joined, so that
/// `micro:bit`, `micro-bit` and `microbit` are one term (`microbit`); longer runs (addresses,
/// dates) are not joined.
enum SearchTerms {
    /// Parts up to which a word is also indexed joined (`up-to-date` is; a web address is not).
    static let maximumJoinedParts = 3

    /// The terms of one word: its parts, then (for two or three parts) the parts joined. No
    /// term twice.
    static func terms(of word: String) -> [String] {
        let parts = Self.parts(of: word)
        var terms: [String] = []
        for part in parts where !terms.contains(part) { terms.append(part) }
        if (2...maximumJoinedParts).contains(parts.count) {
            let joined = parts.joined()
            if !terms.contains(joined) { terms.append(joined) }
        }
        return terms
    }

    /// The runs of letters and digits of `word`, folded.
    static func parts(of word: String) -> [String] {
        asciiParts(of: word) ?? unicodeParts(of: word)
    }

    /// ``parts(of:)`` of a word of ASCII only (nearly every word), read from its bytes: lower case
    /// is a byte's, there are no accents, and the only letters and digits are A-Z, a-z and 0-9.
    /// Nil for any other word.
    static func asciiParts(of word: String) -> [String]? {
        var word = word
        return word.withUTF8 { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var parts: [String] = []
            var current: [UInt8] = []
            current.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 0x20)
                default:
                    guard !current.isEmpty else { continue }
                    parts.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
            return parts
        }
    }

    /// ``parts(of:)`` of any word, by Unicode's rules.
    static func unicodeParts(of word: String) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in fold(word).unicodeScalars {
            if isLetterOrDigit(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                parts.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { parts.append(String(current)) }
        return parts
    }

    /// Lower case, accents taken off (canonical decomposition, then the combining diacritical
    /// marks U+0300 to U+036F dropped): `Café` is `cafe`.
    static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            folded.append(scalar)
        }
        return String(folded)
    }
}

private extension SearchTerms {
    /// Unicode's letters (L*) and numbers (N*), as `\p{L}\p{N}` in JavaScript.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
