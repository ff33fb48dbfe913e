import Foundation
import Testing
@testable import CopseCore

@Suite struct EvidenceExportTests {
    let tests = EvidenceTests()

    /// Two communities with evidence for 2027, one without, a hub-wide item, one item for 2026;
    /// built on `today`, and with no problems unless `conferences` leaves some out.
    func hub(today: Day = Day(iso: "2026-11-21")!, conferences: [Config.Conference] = EvidenceTests.config.conferences) -> Site {
        var config = EvidenceTests.config
        config.baseURL = "https://hub.example.org/x"
        config.conferences = conferences
        let (site, problems) = tests.build([
            "communities/a/community.md": "---\ntitle: Alder\n---\n",
            "communities/a/meetings/2026-05-01-pairs.md": """
            ---
            title: Pairs, "round one"
            evidence:
              summary: 'Pupils said "fairer", and spoke more.'
              principles: [collaborative, inclusive]
              value: applied
              kind: lesson
              purpose: Confidence
            ---
            """,
            "communities/a/meetings/2026-02-01-early.md": "---\nevidence:\n  summary: Early.\n  principles: [responsible]\n---\n",
            "communities/b/community.md": "---\ntitle: Birch\n---\n",
            "communities/b/evidence/poster.md": "---\ndate: 2026-10-01\nevidence:\n  summary: |-\n    Line one.\n    Line two.\n---\n",
            "communities/c/community.md": "---\ntitle: Cedar\n---\n",
            "resources/guide.md": "---\ndate: 2026-04-01\nevidence:\n  summary: Hub guide.\n  principles: [inclusive]\n---\n",
        ], config: config, today: today)
        #expect(problems.isEmpty == (conferences == EvidenceTests.config.conferences))
        return site
    }

    @Test func conferencesGroupEveryCommunityAndListTheGaps() throws {
        let evidence = HubEvidence(site: hub())
        #expect(evidence.conferences.map(\.conference.id) == ["2026", "2027"])
        #expect(evidence.current?.conference.id == "2027")
        let current = try #require(evidence.current)
        #expect(current.starts?.iso == "2026-03-15")
        #expect(current.groups.map(\.community) == [nil, "a", "b", "c"])
        #expect(current.groups.map(\.items.count) == [1, 1, 1, 0])
        #expect(current.missing == ["c"])
        #expect(current.contributors == 3)
        #expect(current.count(current.groups[1], principle: "inclusive") == 1)
        #expect(current.count(current.groups[1], principle: "responsible") == 0)
        let past = evidence.conferences[0]
        #expect(past.starts == nil)
        #expect(past.missing == ["b", "c"])
    }

    @Test func theCurrentConferenceIsTheNextOneOrElseTheLatest() {
        #expect(HubEvidence(site: hub(today: Day(iso: "2026-03-14")!)).current?.conference.id == "2026")
        #expect(HubEvidence(site: hub(today: Day(iso: "2026-03-15")!)).current?.conference.id == "2027")
        #expect(HubEvidence(site: hub(today: Day(iso: "2030-01-01")!)).current?.conference.id == "2027")
        #expect(HubEvidence(site: hub(conferences: [])).currentIndex == nil)
    }

    @Test func csvCellsASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        #expect(EvidenceExport.field("=HYPERLINK(\"http://x\",\"click\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"")
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            #expect(EvidenceExport.field(start).hasPrefix("'") || EvidenceExport.field(start).hasPrefix("\"'"), "\(start)")
        }
        #expect(EvidenceExport.field("Pupils = happier") == "Pupils = happier")
        #expect(EvidenceExport.field("2026-05-01") == "2026-05-01")
    }

    @Test func csvFollowsRFC4180() throws {
        let site = hub()
        let current = try #require(HubEvidence(site: site).current)
        let csv = EvidenceExport.csv(current, site: site)
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.first == EvidenceExport.columns.joined(separator: ","))
        #expect(rows.last == "")
        #expect(rows[1] == "2027,,,Guide,2026-04-01,Hub guide.,inclusive,,,,resources/guide/,https://hub.example.org/x/resources/guide/,content/resources/guide.md")
        #expect(rows[2] == "2027,a,Alder,\"Pairs, \"\"round one\"\"\",2026-05-01,\"Pupils said \"\"fairer\"\", and spoke more.\","
            + "inclusive;collaborative,applied,lesson,Confidence,communities/a/meetings/2026-05-01-pairs/,"
            + "https://hub.example.org/x/communities/a/meetings/2026-05-01-pairs/,content/communities/a/meetings/2026-05-01-pairs.md")
        #expect(rows[3].hasPrefix("2027,b,Birch,Poster,2026-10-01,\"Line one.\nLine two.\",,,,,"))
        #expect(rows.count == 5)
    }

    @Test func jsonHasTheDocumentedSchemaWithEveryKey() throws {
        let site = hub()
        let current = try #require(HubEvidence(site: site).current)
        let text = EvidenceExport.json(current, site: site)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "copse-evidence")
        #expect(document["version"] as? Int == EvidenceExport.version)
        #expect(Set(document.keys) == ["format", "version", "hub", "conference", "principles", "communities", "missing", "items"])
        let conference = try #require(document["conference"] as? [String: Any])
        #expect(conference["id"] as? String == "2027")
        #expect(conference["starts"] as? String == "2026-03-15")
        #expect(document["missing"] as? [String] == ["c"])
        let communities = try #require(document["communities"] as? [[String: Any]])
        #expect(communities.map { $0["id"] as? String } == ["a", "b", "c"])
        #expect(communities.map { $0["items"] as? Int } == [1, 1, 0])
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(Set(items[0].keys) == Set(["community", "community_title", "title", "date", "summary", "principles", "value",
                                           "kind", "purpose", "path", "url", "source"]))
        #expect(items[0]["community"] is NSNull)
        #expect(items[0]["value"] is NSNull)
        #expect(items[1]["principles"] as? [String] == ["inclusive", "collaborative"])
        #expect(items[1]["summary"] as? String == "Pupils said \"fairer\", and spoke more.")
        #expect(text.hasPrefix("{\n  \"format\": \"copse-evidence\",\n  \"version\": 1,\n  \"hub\": {\n"))
        #expect(text.hasSuffix("\n}\n"))
    }

    @Test func theTerminalListingNamesTheGaps() throws {
        let site = hub()
        let current = try #require(HubEvidence(site: site).current)
        let table = EvidenceExport.table(current, site: site)
        #expect(table.hasPrefix("Conference 2027 (2027), Saturday 13 March 2027: collecting from Sunday 15 March 2026\n3 items from 2 of 3 communities\n"))
        #expect(table.contains("Alder: 1 item\n  2026-05-01  applied    inclusive, collaborative\n      Pupils said \"fairer\", and spoke more.\n      content/communities/a/meetings/2026-05-01-pairs.md\n"))
        #expect(table.contains("Cedar: no evidence yet\n"))
        #expect(table.hasSuffix("No evidence yet for Conference 2027 (2027): 1 of 3 communities\n  c  Cedar\n"))
        #expect(EvidenceExport.missing(current, site: site, format: .csv) == "community,community_title\r\nc,Cedar\r\n")
        #expect(EvidenceExport.missing(current, site: site, format: .json) == """
        {
          "conference": "2027",
          "missing": [
            {
              "id": "c",
              "title": "Cedar"
            }
          ]
        }

        """)
    }
}

@Suite struct JSONValueTests {
    @Test func writesEscapedStringsInOrderAndParsesBack() throws {
        let value = JSONValue.object([
            ("z", .string("quote \" back\\slash\nline\ttab\u{01} é 🌱")),
            ("a", .array([.int(-3), .bool(true), .null])),
            ("empty", .array([])), ("nested", .array([.object([])])),
        ])
        #expect(value.text == """
        {
          "z": "quote \\" back\\\\slash\\nline\\ttab\\u0001 é 🌱",
          "a": [-3, true, null],
          "empty": [],
          "nested": [
            {}
          ]
        }
        """)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.text.utf8)) as? [String: Any])
        #expect(parsed["z"] as? String == "quote \" back\\slash\nline\ttab\u{01} é 🌱")
    }

    /// Random text made of what JSON must escape and what it must not: every string is quoted as
    /// valid JSON that reads back as itself, with only the escapes JSON needs.
    @Test func everyStringQuotesAndReadsBack() throws {
        let pieces = ["a", "word ", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "🌱", "\u{2028}", "/", "'", "<", "&"]
        var random = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            let text = (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let quoted = JSONValue.quoted(text)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String])
            #expect(parsed == [text], "\(text.debugDescription) -> \(quoted)")
            #expect(quoted == Self.escapedScalarByScalar(text))
        }
    }

    /// The escaping spelt out a character at a time: only `"`, `\`, and the control characters
    /// (`\n`, `\r`, `\t`, else `\u00xx`); everything else as it is.
    static func escapedScalarByScalar(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
