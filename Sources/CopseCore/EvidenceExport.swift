/// The evidence of one conference as `evidence.csv` (RFC 4180) and `evidence.json`, the files
/// organisers open in a spreadsheet or feed to other tools. Both hold public items only: they
/// are built from ``Site/evidence``, which never contains private or draft pages.
package enum EvidenceExport {
    /// The version of the JSON schema (docs/evidence-export.md). Raise it when a field changes
    /// meaning or goes away; adding a field does not need a new version.
    package static let version = 1

    /// The CSV columns, in order.
    package static let columns = ["conference", "community", "community_title", "title", "date", "summary", "principles",
                                 "value", "kind", "purpose", "path", "url", "source"]

    package static func records(_ evidence: ConferenceEvidence, site: Site) -> [EvidenceRecord] {
        let titles = Dictionary(site.communities.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        return evidence.items.map { EvidenceRecord($0, site: site, communityTitle: $0.community.flatMap { titles[$0] }) }
    }

    /// RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, a quote or a
    /// line break, quotes doubled. UTF-8 without a byte-order mark. Principles are joined by `;`.
    package static func csv(_ evidence: ConferenceEvidence, site: Site) -> String {
        csvRows([columns] + records(evidence, site: site).map { record in
            [record.conference, record.community ?? "", record.communityTitle ?? "", record.title,
             record.date?.iso ?? "", record.summary, record.principles.joined(separator: ";"),
             record.value?.rawValue ?? "", record.kind ?? "", record.purpose ?? "", record.path,
             record.url ?? "", record.source]
        })
    }

    /// Rows as RFC 4180 text: fields quoted where needed, every line ending in CRLF.
    static func csvRows(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The documented JSON document, keys in the documented order, two-space indents, ending in
    /// a newline.
    package static func json(_ evidence: ConferenceEvidence, site: Site) -> String {
        document(evidence, site: site).text + "\n"
    }

    /// Characters that make a spreadsheet read a cell as a formula when it starts with one.
    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13]

    /// One CSV field. A value that a spreadsheet would run as a formula (`=HYPERLINK(…)`) gets a
    /// leading apostrophe, which spreadsheets show as text and never evaluate.
    static func field(_ raw: String) -> String {
        let value = raw.utf8.first.map(formulaStarts.contains) == true ? "'" + raw : raw
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
        guard value.utf8.contains(where: special) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
