import CopseBuild
import CopseCore
import CopseTestSupport
@testable import CopseRender
import Foundation
import Testing

/// The search index of the evidence golden hub, read back as JSON and decoded as the browser does.
@Suite struct SearchSiteTests {
    /// The index as the browser loads it: `search/index.js`, then each part it names.
    struct Index {
        /// `search/index.js`.
        var json: [String: Any]
        var parts: [Part]
        /// Every page, part after part.
        var pages: [[Any]] { parts.flatMap(\.pages) }

        /// A part: its pages, and the words their text is numbered by.
        struct Part {
            var json: [String: Any]
            var pages: [[Any]]
            var words: [String]
        }

        /// `tree`: the site's files, by path.
        init(_ tree: [String: Data]) throws {
            json = try Self.object(try #require(tree["search/index.js"]), prefix: "window.copseSearchIndex = ", suffix: ";\n")
            let names = try #require(json["parts"] as? [String])
            parts = try names.enumerated().map { number, name in
                let part = try Self.object(try #require(tree["search/" + name], "\(name) is not in the site"),
                                           prefix: "(window.copseSearchParts = window.copseSearchParts || []).push(", suffix: ");\n")
                #expect(part["part"] as? Int == number + 1)
                return Part(json: part, pages: try #require(part["pages"] as? [[Any]]),
                            words: try #require(part["words"] as? String).split(separator: " ").map(String.init))
            }
        }

        static func object(_ bytes: Data, prefix: String, suffix: String) throws -> [String: Any] {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix(prefix) && text.hasSuffix(suffix))
            let body = Data(text.dropFirst(prefix.count).dropLast(suffix.count).utf8)
            return try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        }

        /// A page's text, rebuilt from its word numbers.
        func text(of url: String) throws -> String {
            let part = try #require(parts.first { $0.pages.contains { $0[0] as? String == url } })
            let page = try #require(part.pages.first { $0[0] as? String == url })
            return decode(try #require(page[6] as? String)).map { part.words[$0] }.joined(separator: " ")
        }

        /// Every part's text, as one string: what a reader could find.
        var allText: String {
            parts.map { part in
                part.pages.map { page in decode(page[6] as? String ?? "").map { part.words[$0] }.joined(separator: " ") }
                    .joined(separator: "\n")
            }.joined(separator: "\n")
        }

        /// The browser's decoding, from the alphabet and terminal count in the index.
        func decode(_ code: String) -> [Int] {
            let alphabet = Array((json["alphabet"] as? String ?? "").utf8)
            let terminals = json["terminals"] as? Int ?? 0, continuations = alphabet.count - terminals
            var numbers: [Int] = [], high = 0, length = 0
            for byte in code.utf8 {
                let value = alphabet.firstIndex(of: byte)!
                if value >= terminals {
                    high = high * continuations + value - terminals
                    length += 1
                    continue
                }
                var offset = 0, span = terminals
                for _ in 0..<length { offset += span; span *= continuations }
                numbers.append(offset + high * terminals + value)
                high = 0
                length = 0
            }
            return numbers
        }
    }

    static func build(drafts: Bool = false) throws -> (URL, [String: Data]) {
        let work = try EvidenceSiteTests.hub()
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output, drafts: drafts), write: true).succeeded)
        return (work, Fixtures.tree(output))
    }

    @Test func theIndexHoldsEveryPublishedPageWithItsFullTextAndNothingHidden() throws {
        let (work, tree) = try Self.build()
        defer { try? FileManager.default.removeItem(at: work) }
        let index = try Index(tree)
        let urls = Set(index.pages.compactMap { $0[0] as? String })
        let published = Set(tree.keys.filter { path in
            path.hasSuffix("index.html") && !["evidence/", "health/", "tags/", "resources/a-z/", "resources/kind/", "resources/tag/", "search/"]
                .contains { path.hasPrefix($0) } && path != "resources/index.html"
        })
        #expect(urls == published)
        let pairs = try index.text(of: "communities/leeds/meetings/2026-05-06-pairs/index.html")
        #expect(pairs.hasPrefix("Agenda What happened in each class. What to change. Findings Pupils swapped roles every ten minutes. See what we found and the norms we kept to."))
        #expect(pairs.contains("A kitchen timer worked best."))
        let page = try #require(index.pages.first { $0[0] as? String == "communities/leeds/meetings/2026-05-06-pairs/index.html" })
        #expect(page[1] as? String == "Pair programming, term one")
        let communities = try #require(index.json["communities"] as? [[String]])
        let kinds = try #require(index.json["kinds"] as? [[String]])
        #expect(communities[page[2] as! Int][0] == "leeds")
        #expect(kinds[page[3] as! Int][0] == "meeting")
        #expect(page[4] as? String == "2026-05-06" && page[5] as? String == "Wednesday 6 May 2026")
        let charter = try #require(index.pages.first { $0[0] as? String == "communities/leeds/charter/index.html" })
        #expect(kinds[charter[3] as! Int][0] == "charter" && (charter[4] as? String) == "")
        let text = tree.filter { $0.key.hasPrefix("search/index") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for marker in EvidenceSiteTests.markers + ["Secret evidence page", "Private meeting", "Draft meeting"] {
            #expect(!text.contains(marker), "the index contains \(marker)")
        }
    }

    @Test func aPreviewedDraftIsBuiltButNotIndexed() throws {
        let (work, tree) = try Self.build(drafts: true)
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(tree["communities/leeds/meetings/2026-09-02-draft/index.html"] != nil)
        let text = tree.filter { $0.key.hasPrefix("search/index") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(!text.contains("2026-09-02-draft") && !text.contains("DRAFT-MEETING-BODY-c63") && !text.contains("DRAFT-MEETING-MARKER-c63"))
    }

    @Test func aPageCarriesItsTagsAndItsEvidenceAndTheTermsOfItsWords() throws {
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let pairs = work.appendingPathComponent("content/communities/leeds/meetings/2026-05-06-pairs.md")
        let source = try String(contentsOf: pairs, encoding: .utf8)
        try source.replacingOccurrences(of: "title: Pair programming, term one\n", with: "title: Pair programming, term one\ntags: [pair-programming, KS2]\n")
            .write(to: pairs, atomically: true, encoding: .utf8)
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output), write: true).succeeded)
        let index = try Index(Fixtures.tree(output))
        #expect(index.json["version"] as? Int == 3)
        #expect(index.json["parts"] as? [String] == ["index-1.js"], "a small hub's pages are in one part")
        let part = try #require(index.parts.first)
        #expect(index.json["conferences"] as? [[String]] == [["2026", "Spring Gathering 2026"], ["2027", "Spring Gathering 2027"]])
        #expect(index.json["principles"] as? [String] == ["inclusive", "collaborative", "independent", "responsible"])
        let page = try #require(index.pages.first { $0[0] as? String == "communities/leeds/meetings/2026-05-06-pairs/index.html" })
        #expect(page.count == 9)
        #expect(page[7] as? [String] == ["pair-programming", "KS2"])
        let evidence = try #require(page[8] as? [Any])
        #expect(evidence[0] as? Int == 1)
        #expect(evidence[1] as? [Int] == [0, 1])
        let summary = index.decode(try #require(evidence[2] as? String)).map { part.words[$0] }.joined(separator: " ")
        #expect(summary == "Four classes tried pairs, and pupils said \"it felt fairer\"; the quieter ones spoke more.")
        // A page without tags or evidence has seven fields.
        let charter = try #require(index.pages.first { $0[0] as? String == "communities/leeds/charter/index.html" })
        #expect(charter.count == 7)
        // Every word's terms and every term's stem, as SearchTermTable writes them.
        let terms = try #require(part.json["terms"] as? String).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let stems = try #require(part.json["stems"] as? String).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        #expect(stems.count == terms.count)
        let wordTerms = index.decode(try #require(part.json["wordTerms"] as? String))
        var at = 0
        for word in part.words {
            let count = wordTerms[at]
            #expect(wordTerms[(at + 1)..<(at + 1 + count)].map { terms[$0] } == SearchTerms.terms(of: word), "\(word)")
            at += 1 + count
        }
        #expect(at == wordTerms.count)
        let fairer = try #require(terms.firstIndex(of: "fairer"))
        #expect(stems[fairer] == "")
        let pairsTerm = try #require(terms.firstIndex(of: "pairs"))
        #expect(stems[pairsTerm] == "1")
    }

    @Test func theSearchPageHasItsFiltersWithoutScriptAndAFallbackLink() throws {
        let (work, tree) = try Self.build()
        defer { try? FileManager.default.removeItem(at: work) }
        let html = String(decoding: try #require(tree["search/index.html"]), as: UTF8.self)
        #expect(html.contains("<option value=\"leeds\">"))
        #expect(html.contains("<option value=\"meeting\">Meeting notes</option>"))
        #expect(html.contains("<a href=\"../index.html#communities-heading\">the directory of communities</a>"))
        #expect(html.contains("<script src=\"index.js\" defer></script>"))
        #expect(html.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(!html.contains("id=\"site-search-q\""), "the search page has no second search box in its header")
        let home = String(decoding: try #require(tree["index.html"]), as: UTF8.self)
        #expect(home.contains("<form class=\"site-search\" role=\"search\" aria-label=\"Site\" action=\"search/index.html\" method=\"get\">"))
    }
}
