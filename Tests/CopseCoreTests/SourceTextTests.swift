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
}
