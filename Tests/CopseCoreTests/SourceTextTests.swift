import Testing
@testable import CopseCore

@Suite struct SourceTextTests {
    @Test func dropsByteOrderMarkAndNormalisesLineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)
        #expect(try SourceText.decode(bytes).get() == "a\nb\nc\n")
    }

    @Test func pointsAtTheFirstByteThatIsNotUTF8() {
        let bytes = Array("first\nsé\n".utf8) + [0xE9] + Array("x".utf8)
        #expect(SourceText.decode(bytes) == .failure(.notUTF8(line: 3, column: 1)))
        let midLine = Array("ab".utf8) + [0xC3, 0x28]
        #expect(SourceText.decode(midLine) == .failure(.notUTF8(line: 1, column: 3)))
        let overlong: [UInt8] = [0xC0, 0xAF]
        #expect(SourceText.decode(overlong) == .failure(.notUTF8(line: 1, column: 1)))
        let surrogate: [UInt8] = [0xED, 0xA0, 0x80]
        #expect(SourceText.decode(surrogate) == .failure(.notUTF8(line: 1, column: 1)))
    }

    @Test func acceptsAllOfUnicode() throws {
        let text = "Ysgol Gymraeg 👩🏽‍🏫 数学 ∑"
        #expect(try SourceText.decode(Array(text.utf8)).get() == text)
    }

    /// Overlong forms, surrogates, code points past U+10FFFF and cut sequences are refused at
    /// their first byte, whichever check finds them.
    @Test(arguments: [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
                      [0xE2, 0x82], [0x80], [0xFF]] as [[UInt8]])
    func refusesEveryKindOfBadSequence(_ bad: [UInt8]) {
        let bytes = Array("ok\nab".utf8) + bad + Array("cd".utf8)
        #expect(SourceText.decode(bytes) == .failure(.notUTF8(line: 2, column: 3)))
    }

    @Test func lineEndsAreLeftAloneWithoutACarriageReturn() throws {
        let text = "a\nb\n\nc"
        #expect(try SourceText.decode(Array(text.utf8)).get() == text)
        #expect(try SourceText.decode(Array("\r".utf8)).get() == "\n")
        #expect(try SourceText.decode([]).get() == "")
    }
}
