import CopseCore
import Testing
@testable import CopseRender

@Suite struct SearchIndexTests {
    @Test func codesAreOneCharacterForTheFirst64NumbersThenLonger() {
        var out = ""
        SearchCode.append([0, 63, 64, 65, 64 + 28 * 64 - 1, 64 + 28 * 64], to: &out)
        #expect(out == "!b" + "c!" + "c#" + "~b" + "cc!")
        #expect(SearchCode.alphabet.count == 92)
        #expect(!SearchCode.alphabet.contains("\"") && !SearchCode.alphabet.contains("\\") && !SearchCode.alphabet.contains(" "))
    }

    @Test func codesDecodeToTheNumbersTheyWereMadeFrom() {
        let numbers: [Int32] = [0, 1, 63, 64, 100, 1_855, 1_856, 1_857, 50_000, 60_000, 200_000, 3, 0]
        var out = ""
        SearchCode.append(numbers, to: &out)
        #expect(SearchCode.decode(out) == numbers.map(Int.init))
    }

    @Test func tokensSkipTagsDecodeEntitiesAndSplitAtBreaks() {
        var vocabulary = SearchVocabulary()
        var ids: [Int32] = []
        let html = """
        <h2 id="x">Pair <em>program</em>ming</h2>
        <p>Tom &amp; Sam&#39;s &#x2014; notes<sup class="footnote-ref"><a href="#fn-1">1</a></sup> a&b<br />next<sup>2</sup>nd</p>
        <li>one</li><li>two</li>
        <a href="#fnref-1" class="footnote-backref">↩</a>
        <p>back ↩ again</p>
        """
        SearchText.tokenize(html, html: true, into: &ids, vocabulary: &vocabulary)
        let words = ids.map { String(decoding: vocabulary.token(Int($0)), as: UTF8.self) }
        #expect(words == ["Pair", "programming", "Tom", "&", "Sam's", "—", "notes", "a&b", "next", "2nd", "one", "two",
                          "back", "again"])
    }

    @Test func plainTextKeepsAngleBracketsAndAmpersands() {
        var vocabulary = SearchVocabulary()
        var ids: [Int32] = []
        SearchText.tokenize("a <b> &amp; c", html: false, into: &ids, vocabulary: &vocabulary)
        #expect(ids.map { String(decoding: vocabulary.token(Int($0)), as: UTF8.self) } == ["a", "<b>", "&amp;", "c"])
    }

    @Test func theVocabularyCountsAndRanksByFrequencyThenBytes() {
        var vocabulary = SearchVocabulary()
        var ids: [Int32] = []
        SearchText.tokenize("b a b c", html: false, into: &ids, vocabulary: &vocabulary)
        #expect(ids == [0, 1, 0, 2])
        SearchText.tokenize("c c d", html: false, into: &ids, vocabulary: &vocabulary)
        #expect(ids == [0, 1, 0, 2, 2, 2, 3])
        #expect(vocabulary.counts == [2, 1, 3, 1])
        let (order, rank) = vocabulary.ranking()
        #expect(order.map { String(decoding: vocabulary.token($0), as: UTF8.self) } == ["c", "b", "a", "d"])
        #expect(rank == [1, 2, 0, 3])
    }

    /// Tens of thousands of words, many alike (the table that finds a word's id grows many times
    /// over): each keeps the id it was first given, and no two words share one.
    @Test func everyWordKeepsItsOwnIdAsTheVocabularyGrows() {
        var vocabulary = SearchVocabulary()
        let words = (0..<20_000).map { "w\($0 % 7)-\($0)" } + ["a", "aa", "\u{00E9}t\u{00E9}"]
        func add(_ word: String) -> Int32 { Array(word.utf8).withUnsafeBufferPointer { vocabulary.add($0) } }
        let first = words.map(add)
        #expect(first == (0..<Int32(words.count)).map { $0 })
        let second = words.reversed().map(add)
        #expect(second == first.reversed())
        #expect(vocabulary.count == words.count)
        #expect(vocabulary.counts.allSatisfy { $0 == 2 })
        #expect(words.indices.allSatisfy { String(decoding: vocabulary.token($0), as: UTF8.self) == words[$0] })
    }

    /// A word is read up to a space, a tag or an entity, whatever its length.
    @Test func longWordsAndWordsAgainstTagsAreWhole() {
        var vocabulary = SearchVocabulary()
        var ids: [Int32] = []
        let long = String(repeating: "x", count: 300)
        SearchText.tokenize("<p>\(long)<em>y</em>z&amp;w\tq</p>", html: true, into: &ids, vocabulary: &vocabulary)
        #expect(ids.map { String(decoding: vocabulary.token(Int($0)), as: UTF8.self) } == [long + "yz&w", "q"])
    }
}
