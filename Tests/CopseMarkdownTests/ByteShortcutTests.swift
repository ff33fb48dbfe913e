import Testing
@testable import CopseMarkdown

@Suite struct HeadingSlugTests {
    @Test func asciiHeadingsGetTheSlugUnicodesRulesGive() {
        // Every ASCII character, alone and between words, and a deterministic run of mixed texts.
        var texts = (0..<128).map { "Word\(Character(Unicode.Scalar(UInt8($0))))Next 42" }
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(state % 24) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(Character(Unicode.Scalar(UInt8((state >> 33) % 128))))
            }
            texts.append(text)
        }
        for text in texts {
            #expect(HeadingSlugger.asciiSlug(text) == HeadingSlugger.unicodeSlug(text), "\(text.debugDescription)")
        }
    }

    @Test func otherScriptsTakeTheUnicodePath() {
        #expect(HeadingSlugger.asciiSlug("Ysgol Gymraeg ŵ") == nil)
        #expect(HeadingSlugger.slug("Cyfarfod Ŵyl") == "cyfarfod-ŵyl")
        #expect(HeadingSlugger.slug("Next Steps: 2026!") == "next-steps-2026")
        #expect(HeadingSlugger.slug("!!!") == "section")
    }
}

@Suite struct TaskListLabelTests {
    @Test func everyBoxIsLabelledWhereverItIs() {
        let open = "<input type=\"checkbox\" disabled=\"\" />", done = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"
        let html = done + open + "<p>a < b</p>" + open + "<"
        #expect(TaskListLabels.apply(html)
            == "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />"
            + "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done yet\" /><p>a < b</p>"
            + "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done yet\" /><")
        #expect(TaskListLabels.apply("<input type=\"checkbox\" name=\"x\" />") == "<input type=\"checkbox\" name=\"x\" />")
        #expect(TaskListLabels.apply("") == "")
        #expect(TaskListLabels.apply("<input type=\"checkbox\"") == "<input type=\"checkbox\"")
    }
}

@Suite struct LinkSchemeTests {
    @Test func theBytePathAgreesWithTheCharacterPath() {
        let pieces = ["a", "Z", "h", "t", "p", "s", "1", "+", "-", ".", ":", "/", "#", " ", "\u{301}", "é", "\r\n", "_", "%", "?"]
        var state: UInt64 = 3
        var texts = ["https://x", "mailto:a@b", "c++:x", "1http:x", ":x", "a:", "a:\u{301}b", "a:é", "x.md", "../a.md#b", ""]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(state % 9) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            texts.append(text)
        }
        for text in texts {
            #expect((LinkClassifier.asciiHasScheme(text) ?? LinkClassifier.characterHasScheme(text))
                == LinkClassifier.characterHasScheme(text), "\(text.debugDescription)")
        }
        #expect(LinkClassifier.asciiHasScheme("a:\u{301}b") == nil)
        #expect(LinkClassifier.hasScheme("https://example.org") && !LinkClassifier.hasScheme("notes.md"))
    }
}
