/// What `copse evidence` prints in the terminal.
package extension EvidenceExport {
    /// A readable listing: the conference, then each group's items (date, value, principles,
    /// summary and source file), then the communities with nothing yet.
    static func table(_ evidence: ConferenceEvidence, site: Site) -> String {
        let conference = evidence.conference
        let communities = evidence.groups.filter { $0.community != nil }
        let contributing = communities.filter { !$0.items.isEmpty }.count
        var lines = ["\(conference.name) (\(conference.id)), \(conference.date.long)" + (evidence.starts.map { ": collecting from \($0.long)" } ?? ""),
                     "\(Plural.counted(evidence.items.count, "item")) from \(contributing) of \(Plural.counted(communities.count, "community", plural: "communities"))"]
        for group in evidence.groups {
            let title = site.community(group.community)?.title ?? "Hub-wide"
            lines.append("")
            guard !group.items.isEmpty else {
                lines.append("\(title): no evidence yet")
                continue
            }
            lines.append("\(title): \(Plural.counted(group.items.count, "item"))")
            for item in group.items {
                let value = (item.value?.rawValue ?? "-").padding(toLength: 10, withPad: " ", startingAt: 0)
                lines.append("  \(item.date?.iso ?? "no date   ")  \(value) \(item.principles.isEmpty ? "-" : item.principles.joined(separator: ", "))")
                lines.append("      \(item.summary)")
                lines.append("      \(site.pages[item.page].parsed.source)")
            }
        }
        lines.append("")
        lines.append(missing(evidence, site: site, format: .table).trimmingWhitespace)
        return lines.joined(separator: "\n") + "\n"
    }

    enum Format: String, Sendable, CaseIterable {
        case table, csv, json
    }

    /// The communities with no evidence for the conference, in `format`.
    static func missing(_ evidence: ConferenceEvidence, site: Site, format: Format) -> String {
        let missing = evidence.missing.compactMap { site.community($0) }
        let conference = evidence.conference
        switch format {
        case .table:
            guard !missing.isEmpty else { return "Every community has evidence for \(conference.name) (\(conference.id)).\n" }
            let total = evidence.groups.filter { $0.community != nil }.count
            return "No evidence yet for \(conference.name) (\(conference.id)): \(missing.count) of \(Plural.counted(total, "community", plural: "communities"))\n"
                + missing.map { "  \($0.id)  \($0.title)\n" }.joined()
        case .csv:
            return csvRows([["community", "community_title"]] + missing.map { [$0.id, $0.title] })
        case .json:
            let list = missing.map { JSONValue.object([("id", .string($0.id)), ("title", .string($0.title))]) }
            return JSONValue.object([("conference", .string(conference.id)), ("missing", .array(list))]).text + "\n"
        }
    }
}
