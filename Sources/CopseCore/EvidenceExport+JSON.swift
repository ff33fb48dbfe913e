/// The shape of `evidence.json` (docs/evidence-export.md). Keys come in the documented order;
/// absent values are written as null, so every key is always there.
extension EvidenceExport {
    static func document(_ evidence: ConferenceEvidence, site: Site) -> JSONValue {
        let conference = evidence.conference
        let titles = Dictionary(site.communities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let communities: [JSONValue] = evidence.groups.compactMap { group in
            group.community.flatMap { titles[$0] }.map { community in
                .object([("id", .string(community.id)), ("title", .string(community.title)),
                         ("path", .string(EvidenceRecord.address(of: community.outputPath))), ("items", .int(group.items.count))])
            }
        }
        return .object([
            ("format", .string("copse-evidence")),
            ("version", .int(version)),
            ("hub", .object([("title", .string(site.config.title)), ("base_url", .optional(site.config.baseURL))])),
            ("conference", .object([("id", .string(conference.id)), ("name", .string(conference.name)),
                                    ("date", .string(conference.date.iso)), ("starts", .optional(evidence.starts?.iso))])),
            ("principles", .array(site.config.principles.map(JSONValue.string))),
            ("communities", .array(communities)),
            ("missing", .array(evidence.missing.map(JSONValue.string))),
            ("items", .array(records(evidence, site: site).map(item))),
        ])
    }

    static func item(_ record: EvidenceRecord) -> JSONValue {
        .object([
            ("community", .optional(record.community)),
            ("community_title", .optional(record.communityTitle)),
            ("title", .string(record.title)),
            ("date", .optional(record.date?.iso)),
            ("summary", .string(record.summary)),
            ("principles", .array(record.principles.map(JSONValue.string))),
            ("value", .optional(record.value?.rawValue)),
            ("kind", .optional(record.kind)),
            ("purpose", .optional(record.purpose)),
            ("path", .string(record.path)),
            ("url", .optional(record.url)),
            ("source", .string(record.source)),
        ])
    }
}
