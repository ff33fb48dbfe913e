import Foundation

/// The evidence of one conference as `evidence.csv` (RFC 4180) and `evidence.json`, the files
/// organisers open in a spreadsheet or feed to other tools. Both hold public items only: they
/// are built from ``Site/evidence``, which never contains private or draft pages.
public enum EvidenceExport {
    /// The version of the JSON schema (docs/evidence-export.md). Raise it when a field changes
    /// meaning or goes away; adding a field does not need a new version.
    public static let version = 1

    /// The CSV columns, in order.
    public static let columns = ["conference", "community", "community_title", "title", "date", "summary", "principles",
                                 "value", "kind", "purpose", "path", "url", "source"]

    public static func records(_ evidence: ConferenceEvidence, site: Site) -> [EvidenceRecord] {
        evidence.items.map { EvidenceRecord($0, site: site) }
    }

    /// RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, a quote or a
    /// line break, quotes doubled. UTF-8 without a byte-order mark. Principles are joined by `;`.
    public static func csv(_ evidence: ConferenceEvidence, site: Site) -> String {
        var lines = [columns.map(field).joined(separator: ",")]
        for record in records(evidence, site: site) {
            let values = [record.conference, record.community ?? "", record.communityTitle ?? "", record.title,
                          record.date?.iso ?? "", record.summary, record.principles.joined(separator: ";"),
                          record.value?.rawValue ?? "", record.kind ?? "", record.purpose ?? "", record.path,
                          record.url ?? "", record.source]
            lines.append(values.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The documented JSON document, keys sorted, two-space indents, ending in a newline.
    public static func json(_ evidence: ConferenceEvidence, site: Site) -> String {
        let document = Document(evidence, site: site)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value is a string, number, list or null, so encoding cannot fail.
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("the evidence document could not be encoded as JSON: \(error)")
        }
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
