/// The terms of the index's words, worked out at build time so that the browser does not have
/// to fold and split every word of the site when the search page opens.
///
/// - ``terms``: every distinct term of the words (``SearchTerms``), in the order the words
///   first give them (words go most frequent first, so frequent terms get small numbers).
/// - ``wordTerms``: for each word, in the order of the index's `words`, how many terms it has,
///   then their numbers, all written with ``SearchCode``.
/// - ``stems``: for each term, how its stem (``SearchStemmer``) is made from it: empty when
///   the term is its own stem, else how many characters to cut from its end and what to add
///   (`3y`: `studies` gives `study`; `4`: `programming` gives `program`).
struct SearchTermTable {
    private(set) var terms: [String] = []
    private(set) var wordTerms = ""
    private(set) var stems: [String] = []

    init(words: [String]) {
        var numbers: [String: Int32] = [:]
        var codes: [Int32] = []
        codes.reserveCapacity(words.count * 2)
        for word in words {
            let wordTerms = SearchTerms.terms(of: word)
            codes.append(Int32(wordTerms.count))
            for term in wordTerms {
                if let number = numbers[term] {
                    codes.append(number)
                    continue
                }
                let number = Int32(terms.count)
                numbers[term] = number
                terms.append(term)
                stems.append(Self.stemEdit(term))
                codes.append(number)
            }
        }
        SearchCode.append(codes, to: &wordTerms)
    }

    /// How the stem of `term` is made from it: "" for none, else the characters cut and added.
    static func stemEdit(_ term: String) -> String {
        let stem = SearchStemmer.stem(term)
        guard stem != term else { return "" }
        // Stems are made of ASCII only, so bytes are characters here and in the browser.
        let common = zip(term.utf8, stem.utf8).prefix { $0 == $1 }.count
        return "\(term.utf8.count - common)" + String(decoding: stem.utf8.dropFirst(common), as: UTF8.self)
    }
}
