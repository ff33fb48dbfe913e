import Testing
import Yams
@testable import CopseCore

/// ``FrontMatterScanner`` reads common front matter without libyaml. Whatever it accepts it must
/// read exactly as Yams composes it (same keys, lines, text, styles and tags), and a page read
/// through it must come out as through Yams. What it declines goes to Yams, so declining is
/// always safe; the tests also pin down that the common shapes are accepted, or the shortcut
/// would quietly stop paying.
@Suite struct FrontMatterScannerTests {
    static let resolver = YAMLDecoding.resolver

    static let accepted = [
        "title: Spring term meeting\n",
        "title: \"Teacher guide: cyber security (Leeds)\"\naudience: KS4\n",
        "title: 'It''s a quoted one'\ndate: 2026-03-04\ndraft: true\n",
        "title: Notes\ntags:\n  - data\n  - gcse\nattendees: 12\n",
        "tags:\n- data\n- 'two words'\ntitle: x\n",
        "tags: [data, \"gcse\", 'a b', plain words]\nleaders: []\nkind: [ ]\n",
        "title: x\n\n\nsummary: y   \n\n",
        "date:\ntitle: t\nempty:   \n",
        "title: Tom's \"best\" bits, [really] {ok} 100% & more!\n",
        "title: ~\nx: null\ny: yes\nz: 0x1F\nw: 1.5\nv: '-'\n",
        "title: é accented ü — 中文 😀\n",
        "title: \"\"\nsummary: ''\nregion: \"  spaced  \"\n",
        "key_1: a\nkey-2: b\n_private_note: c\non: d\n",
        "tags:\n\n  - a\n\n  - b\n\ntitle: t\n",
        "evidence:\n  summary: x\n",
        "title: T\nevidence:\n  conference: \"2027\"\n  principles:\n    - independent\n    - responsible\n  summary: \"Shown: a, b.\"\ntags: [a]\n",
        "evidence:\n    principles: [a, 'b c']\n\n    summary: it\n    kind:\n\n    value: applied\nnotes:\n  one: 1\n  two: [x]\n",
        "evidence:\n  principles:\n        - a\n\n        - b\n  summary: s\n",
    ]

    static let declined = [
        "title: a: b\n", "title: 18:30\n", "title: one # comment\n", "# comment\ntitle: x\n", "title:\tx\n",
        "title: x\r\n", "title: &a x\n", "title: *a\n", "title: !!str x\n", "title: |\n  text\n", "title: >\n  text\n",
        "title: multi\n  line\n", "title: \"esc\\\"aped\"\n", "title: \"unclosed\n", "title: 'unclosed\n",
        "title: x\ntitle: y\n", "title: a\u{85}b\n", "title: a\u{2028}b\n", "\u{FEFF}title: x\n", "title: a\u{7F}\n",
        "tags:\n  - a\n   - b\n", "tags:\n  - a\n  -\n", "tags:\n  - [a]\n", "tags: [a, [b]]\n", "tags: [a, ]\n",
        "tags: [a, b\n", "tags: [a] x\n", "- a\n- b\n", "\"title\": x\n", "title : x\n",
        "title:x\n", "évènement: x\n", "title: x\n  - y\n", "title: \"a\" b\n", "title: - x\n", "title: ?x\n", "title: @x\n",
        "", "\n\n",
        "evidence:\n  summary: x\n   kind: y\n", "evidence:\n  a:\n    b: c\n", "evidence:\n  summary:\n    text\n",
        "evidence:\n  principles:\n  - a\n", "evidence:\n  summary: x\n  summary: y\n", "evidence:\n  summary: x\n - a\n",
        "evidence:\n  principles:\n    - a\n   - b\n", "evidence:\n  summary: a: b\n", "evidence:\n  - a\n  b: c\n",
        "evidence:\n  summary: x\n    more\n", "evidence:\n  principles:\n    - a\n- b\n", "evidence:\n  summary x\n",
    ]

    /// Yams' composition of `yaml` with the same resolver the build uses, with the lines of the
    /// keys and list items one level down as its marks give them.
    static func composed(_ yaml: String) throws -> [FrontMatterScanner.Entry]? {
        guard case .mapping(let mapping)? = try Yams.compose(yaml: yaml, resolver, .default, .utf8) else { return nil }
        return mapping.map { key, value in
            let children = value.mapping.map { inner in
                inner.map { key, value in
                    FrontMatterScanner.Child(key: key.string ?? "?", line: key.mark?.line ?? 0,
                                             itemLines: value.sequence.map { $0.map { $0.mark?.line ?? 0 } } ?? [])
                }
            } ?? []
            return FrontMatterScanner.Entry(key: key.string ?? "?", line: key.mark?.line ?? 0, value: value, children: children)
        }
    }

    /// Nodes are equal as Yams made them: the tag as written (before any resolving), the style,
    /// the text, and the same for every item of a list.
    static func same(_ left: Node, _ right: Node) -> Bool {
        switch (left, right) {
        case (.scalar(let a), .scalar(let b)):
            return a.tag.rawValue == b.tag.rawValue && a.style == b.style && a.string == b.string
        case (.sequence(let a), .sequence(let b)):
            return a.tag.rawValue == b.tag.rawValue && a.style == b.style && a.count == b.count
                && zip(a, b).allSatisfy { same($0, $1) }
        case (.mapping(let a), .mapping(let b)):
            // Yams resolves its keys' tags when it checks them for repeats; the scanner's resolve
            // when first read, to the same tag (`Node.tag` resolves both).
            return a.tag.rawValue == b.tag.rawValue && a.style == b.style && a.count == b.count
                && zip(a, b).allSatisfy { $0.key.tag == $1.key.tag && $0.key.scalar?.style == $1.key.scalar?.style
                    && $0.key.string == $1.key.string && same($0.value, $1.value) }
        default:
            return false
        }
    }

    static func agree(_ yaml: String) throws -> Bool {
        guard let scanned = FrontMatterScanner.entries(yaml, resolver: resolver) else { return true }
        let expected = try #require(try composed(yaml), "Yams gives no mapping for \(yaml.debugDescription)")
        return scanned.count == expected.count && zip(scanned, expected).allSatisfy {
            $0.key == $1.key && $0.line == $1.line && same($0.value, $1.value) && $0.children == $1.children
        }
    }

    /// A page's front matter read both ways: through the scanner when it accepts, and through Yams.
    static func readBothWays(_ yaml: String) -> (scanned: PageParser.FrontMatterResult, scannedDiagnostics: [Diagnostic],
                                                 composed: PageParser.FrontMatterResult, composedDiagnostics: [Diagnostic]) {
        var scanned = PageParser.FrontMatterResult(), composed = PageParser.FrontMatterResult()
        let scannedDiagnostics = PageParser.readFrontMatter(yaml, path: "content/a.md", into: &scanned)
        let composedDiagnostics = PageParser.readFrontMatter(yaml, path: "content/a.md", into: &composed, scanning: false)
        return (scanned, scannedDiagnostics, composed, composedDiagnostics)
    }

    @Test(arguments: accepted) func commonShapesAreReadAsYamsReadsThem(_ yaml: String) throws {
        #expect(FrontMatterScanner.entries(yaml, resolver: Self.resolver) != nil, "declined: \(yaml.debugDescription)")
        #expect(try Self.agree(yaml), "\(yaml.debugDescription)")
        let read = Self.readBothWays(yaml)
        #expect(read.scanned == read.composed)
        #expect(read.scannedDiagnostics == read.composedDiagnostics)
    }

    @Test(arguments: declined) func otherShapesAreLeftToYams(_ yaml: String) {
        #expect(FrontMatterScanner.entries(yaml, resolver: Self.resolver) == nil, "accepted: \(yaml.debugDescription)")
    }

    /// Values that need a diagnostic, or `evidence`, are read by Yams even when the scanner
    /// accepts the YAML, so the diagnostics are Yams' own, with their places.
    @Test func problemsAreReportedAsBefore() {
        for yaml in ["title: A\nattendees: many\n", "title: A\ndate: soon\n", "title: A\nprivat: yes\n", "draft: maybe\n",
                     "title: A\ntags: [a, b]\nevidence: x\n", "evidence:\n  principles: one\n", "evidence:\n  summary: [a]\n",
                     "title:\n  a: b\n"] {
            let read = Self.readBothWays(yaml)
            #expect(read.scanned == read.composed, "\(yaml.debugDescription)")
            #expect(read.scannedDiagnostics == read.composedDiagnostics, "\(yaml.debugDescription)")
            #expect(!read.scannedDiagnostics.isEmpty, "\(yaml.debugDescription)")
        }
        // An unknown key in `evidence` is the evidence index's to report, with its line.
        let misspelt = Self.readBothWays("title: A\nevidence:\n  sumary: x\n  principles: [a]\n")
        #expect(misspelt.scanned == misspelt.composed)
        #expect(misspelt.scanned.evidenceKeyProblems.map(\.location.line) == [4])
    }

    /// The lines of `evidence:`'s keys and list items, which the evidence index's diagnostics
    /// point at, are the ones Yams gives, read either way.
    @Test func evidenceKeysKeepTheirLines() {
        let block = "title: T\nevidence:\n  conference: \"2027\"\n  principles:\n    - independent\n\n    - responsible\n  kind: photo\n"
        let flow = "evidence:\n\n   summary: It helped.\n   principles: [a, 'b c']\n"
        for yaml in [block, flow] {
            #expect(FrontMatterScanner.entries(yaml, resolver: Self.resolver)?.last?.children.isEmpty == false)
            let read = Self.readBothWays(yaml)
            #expect(read.scanned == read.composed)
            #expect(read.scannedDiagnostics.isEmpty && read.composedDiagnostics.isEmpty)
        }
        let read = (block: Self.readBothWays(block).scanned, flow: Self.readBothWays(flow).scanned)
        #expect(read.block.keyLines == ["title": 2, "evidence": 3, "evidence.conference": 4, "evidence.principles": 5,
                                        "evidence.principles.0": 6, "evidence.principles.1": 8, "evidence.kind": 9])
        #expect(read.block.frontMatter.evidence == Evidence(principles: ["independent", "responsible"], conference: "2027", kind: "photo"))
        #expect(read.flow.keyLines == ["evidence": 2, "evidence.summary": 4, "evidence.principles": 5,
                                       "evidence.principles.0": 5, "evidence.principles.1": 5])
        #expect(read.flow.frontMatter.evidence == Evidence(summary: "It helped.", principles: ["a", "b c"]))
    }

    @Test func keysKeepTheirLinesAndExtrasTheirTypes() {
        let read = Self.readBothWays("title: T\n\naudience: KS4\ncount: 12\nflag: off\nlist:\n  - a\n  - 'b'\n")
        #expect(read.scanned.keyLines == ["title": 2, "audience": 4, "count": 5, "flag": 6, "list": 7])
        #expect(read.scanned.extra == [
            .init(key: "audience", value: .string("KS4")), .init(key: "count", value: .int(12)),
            .init(key: "flag", value: .bool(false)), .init(key: "list", value: .list([.string("a"), .string("b")])),
        ])
        #expect(read.scanned == read.composed)
    }

    /// Random front matter made of the pieces that matter to YAML: every document the scanner
    /// accepts must be one Yams reads, and read the same way, value for value.
    @Test func randomDocumentsAgreeWithYams() throws {
        var random = SeededRandom(seed: 20261203)
        var accepted = 0, acceptedNested = 0
        let documents = 20_000
        for _ in 0..<documents {
            let yaml = Self.randomDocument(&random)
            guard let entries = FrontMatterScanner.entries(yaml, resolver: Self.resolver) else { continue }
            accepted += 1
            if entries.contains(where: { !$0.children.isEmpty }) { acceptedNested += 1 }
            #expect(try Self.agree(yaml), "\(yaml.debugDescription)")
            let read = Self.readBothWays(yaml)
            #expect(read.scanned == read.composed, "\(yaml.debugDescription)")
            #expect(read.scannedDiagnostics == read.composedDiagnostics, "\(yaml.debugDescription)")
        }
        // Enough documents reach the scanner's answer for the comparison to mean something.
        #expect(accepted > documents / 10, "only \(accepted) accepted")
        #expect(acceptedNested > documents / 80, "only \(acceptedNested) accepted with a mapping one level down")
    }

    static let keys = ["title", "summary", "tags", "date", "draft", "private", "attendees", "audience", "kind", "leaders",
                       "x-y", "on", "k_1", "évent", "a b", "1a", "title"]
    static let separators = [": ", ":", ":  ", " : ", ":\t", ": "]
    static let words = ["plain", "two words", "KS4", "2026-03-04", "12", "-3", "0x1F", "1.5", "yes", "No", "off", "~", "null",
                        "é", "中文", "😀", "Tom's", "a,b", "100%", "x!", "a&b", "a|b", "a>b"]
    static let specials = [":", "#", "'", "\"", "''", ",", "[", "]", "{", "}", "-", "- ", "*", "&", "!", "|", "\\", "\t", " ",
                           "  ", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{7F}", "?", "@", "`", "%", "1:30"]

    static func randomValue(_ random: inout SeededRandom) -> String {
        var value = ""
        for _ in 0...random.next(3) {
            value += random.next(4) == 0 ? specials[random.next(specials.count)] : words[random.next(words.count)]
            if random.next(3) == 0 { value += " " }
        }
        switch random.next(6) {
        case 0: return "\"\(value)\""
        case 1: return "'\(value)'"
        default: return value
        }
    }

    static let innerKeys = ["summary", "principles", "conference", "kind", "value", "purpose", "sumary", "x-y", "1a", "title"]

    /// The lines of a mapping one level down: keys mostly indented alike, each with text, a flow
    /// list, nothing, or a block list indented further (or, now and then, not).
    static func randomMapping(_ random: inout SeededRandom) -> String {
        let indent = String(repeating: " ", count: 1 + random.next(4))
        var yaml = ""
        for _ in 0..<random.next(5) {
            let key = innerKeys[random.next(innerKeys.count)]
            let keyIndent = random.next(12) == 0 ? indent + " " : indent
            switch random.next(5) {
            case 0:
                yaml += "\(keyIndent)\(key):\n"
                let itemIndent = random.next(10) == 0 ? keyIndent : keyIndent + String(repeating: " ", count: 1 + random.next(3))
                for _ in 0..<random.next(4) {
                    yaml += "\(random.next(10) == 0 ? itemIndent + " " : itemIndent)- \(randomValue(&random))\n"
                    if random.next(8) == 0 { yaml += "\n" }
                }
            case 1:
                let items = (0..<random.next(4)).map { _ in randomValue(&random) }
                yaml += "\(keyIndent)\(key): [\(items.joined(separator: ", "))]\n"
            case 2:
                yaml += "\(keyIndent)\(key):\n"
            default:
                yaml += "\(keyIndent)\(key): \(randomValue(&random))\n"
            }
            if random.next(12) == 0 { yaml += random.next(2) == 0 ? "\n" : "\(indent)  deeper\n" }
        }
        return yaml
    }

    static func randomDocument(_ random: inout SeededRandom) -> String {
        var yaml = ""
        for _ in 0...random.next(5) {
            let key = keys[random.next(keys.count)]
            let separator = random.next(5) == 0 ? separators[random.next(separators.count)] : ": "
            switch random.next(10) {
            case 0: // a block list
                let indent = String(repeating: " ", count: random.next(3))
                yaml += "\(key):\n"
                for _ in 0..<random.next(4) {
                    let itemIndent = random.next(8) == 0 ? indent + " " : indent
                    yaml += "\(itemIndent)- \(randomValue(&random))\n"
                    if random.next(8) == 0 { yaml += "\n" }
                }
            case 1: // a flow list
                let items = (0..<random.next(4)).map { _ in randomValue(&random) }
                yaml += "\(key)\(separator)[\(items.joined(separator: random.next(2) == 0 ? ", " : ","))]\n"
            case 2: // nothing
                yaml += "\(key):\n"
            case 3, 4: // a mapping one level down, as `evidence:` is
                yaml += "\(key):\n" + randomMapping(&random)
            default:
                yaml += "\(key)\(separator)\(randomValue(&random))\n"
            }
            if random.next(10) == 0 { yaml += random.next(2) == 0 ? "\n" : "  continued\n" }
        }
        return yaml
    }
}

/// A small deterministic generator, so a failure names a document that can be made again.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}
