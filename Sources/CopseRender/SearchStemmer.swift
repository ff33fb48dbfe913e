/// copse's small English stemmer: takes the common endings off a search term so that
/// `meeting` finds `meetings`, `inclusion` finds `inclusive` and `programme` finds
/// `programming`. Written for search, not for linguistics: it only has to give a word and its
/// relatives the same stem, and `assets/search.js` does exactly the same to a query.
///
/// Terms of letters `a`-`z` and digits only, four characters or longer (others are their own
/// stem). Nothing is cut that would leave fewer than three characters. Three steps:
///
/// 1. Plurals: `-ies` becomes `-y` (`studies`: `study`); a final `-s` goes, except after `s`,
///    `u` or `i` (`class`, `focus`, `analysis` keep theirs).
/// 2. One ending, the first of `-ness`, `-ment`, `-ied` (to `-y`), `-ing`, `-ion`, `-ive`, `-ed`,
///    `-ly` that the term ends with; when that one would leave too little, none.
/// 3. A final `-e` goes, then one letter of a final doubled consonant (`programm`: `program`).
///
/// So `inclusive`, `inclusion`: `inclus`; `include`, `included`, `including`: `includ`;
/// `programme`, `programmes`, `programming`, `programs`: `program`; `meet`, `meets`,
/// `meeting`, `meetings`: `meet`.
enum SearchStemmer {
    static let minimumStem = 3

    static func stem(_ term: String) -> String {
        var bytes = Array(term.utf8)
        guard bytes.count >= 4, bytes.allSatisfy(isASCIILetterOrDigit) else { return term }
        // 1. Plurals.
        if bytes.hasSuffix("ies") {
            replace(&bytes, suffix: 3, with: "y")
        } else if bytes.hasSuffix("s"), !["s", "u", "i"].contains(where: { bytes.dropLast().hasSuffix($0) }) {
            replace(&bytes, suffix: 1, with: "")
        }
        // 2. One ending.
        if let (ending, replacement) = endings.first(where: { bytes.hasSuffix($0.0) }) {
            replace(&bytes, suffix: ending.utf8.count, with: replacement)
        }
        // 3. A final e, then a doubled consonant.
        if bytes.hasSuffix("e") { replace(&bytes, suffix: 1, with: "") }
        if bytes.count > minimumStem, let last = bytes.last, last == bytes[bytes.count - 2], isConsonant(last) {
            bytes.removeLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension SearchStemmer {
    static let endings: [(String, String)] = [
        ("ness", ""), ("ment", ""), ("ied", "y"), ("ing", ""), ("ion", ""), ("ive", ""), ("ed", ""), ("ly", ""),
    ]

    /// Replaces the last `suffix` bytes with `replacement`, unless that leaves too short a stem.
    static func replace(_ bytes: inout [UInt8], suffix: Int, with replacement: String) {
        guard bytes.count - suffix + replacement.utf8.count >= minimumStem else { return }
        bytes.removeLast(suffix)
        bytes.append(contentsOf: replacement.utf8)
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isConsonant(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) && !Array("aeiou".utf8).contains(byte)
    }
}

private extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: String) -> Bool { count >= suffix.utf8.count && self.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
}

private extension ArraySlice where Element == UInt8 {
    func hasSuffix(_ suffix: String) -> Bool { count >= suffix.utf8.count && self.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
}
