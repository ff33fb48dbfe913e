import Foundation
import Testing
@testable import CopseRender

/// Folding, splitting, joining and stemming, against the cases in Tests/Fixtures/search/terms.json
/// that the browser tests check `assets/search.js` against too.
@Suite struct SearchTermsTests {
    struct Cases: Decodable {
        var terms: [Case]
        var stems: [[String]]

        struct Case: Decodable {
            var word: String
            var terms: [String]

            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                word = try container.decode(String.self)
                terms = try container.decode([String].self)
            }
        }
    }

    static func cases() throws -> Cases {
        let url = DefaultThemeTests.repository.appendingPathComponent("Tests/Fixtures/search/terms.json")
        return try JSONDecoder().decode(Cases.self, from: Data(contentsOf: url))
    }

    @Test func wordsGiveTheirFoldedPartsAndTheJoinedForm() throws {
        for example in try Self.cases().terms {
            #expect(SearchTerms.terms(of: example.word) == example.terms, "\(example.word)")
        }
    }

    /// Words of ASCII only are split from their bytes: every printable ASCII character, in random
    /// words, splits and folds as Unicode's rules do.
    @Test func asciiWordsSplitAsUnicodesRulesSplitThem() {
        let characters = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) } + ["\t"]
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5_000 {
            let word = (0..<next(14)).map { _ in characters[next(characters.count)] }.joined()
            #expect(SearchTerms.asciiParts(of: word) == SearchTerms.unicodeParts(of: word), "\(word.debugDescription)")
        }
        #expect(SearchTerms.asciiParts(of: "Café") == nil)
        #expect(SearchTerms.parts(of: "Café-au-LAIT") == ["cafe", "au", "lait"])
    }

    @Test func termsGiveTheStemsOfTheSharedList() throws {
        for pair in try Self.cases().stems {
            #expect(SearchStemmer.stem(pair[0]) == pair[1], "\(pair[0])")
        }
    }

    @Test func theTermTableNumbersTermsInTheOrderTheWordsGiveThemWithTheirStems() {
        let table = SearchTermTable(words: ["meetings", "Micro:bit,", "meeting.", "—", "studies"])
        #expect(table.terms == ["meetings", "micro", "bit", "microbit", "meeting", "studies"])
        #expect(table.stems == ["4", "", "", "", "3", "3y"])
        // Per word: how many terms, then their numbers.
        #expect(SearchCode.decode(table.wordTerms) == [1, 0, 3, 1, 2, 3, 1, 4, 0, 1, 5])
    }
}
