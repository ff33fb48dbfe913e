/// The shape of `evidence.json` (docs/evidence-export.md). Absent values are written as null,
/// so every key is always there.
extension EvidenceExport {
    struct Document: Encodable {
        var format = "copse-evidence"
        var version = EvidenceExport.version
        var hub: Hub
        var conference: Conference
        var principles: [String]
        var communities: [CommunityCount]
        var missing: [String]
        var items: [Item]

        init(_ evidence: ConferenceEvidence, site: Site) {
            hub = Hub(title: site.config.title, base_url: site.config.baseURL)
            let conference = evidence.conference
            self.conference = Conference(id: conference.id, name: conference.name, date: conference.date.iso,
                                         starts: evidence.starts?.iso)
            principles = site.config.principles
            communities = evidence.groups.compactMap { group in
                site.community(group.community).map {
                    CommunityCount(id: $0.id, title: $0.title, path: EvidenceRecord.address(of: $0.outputPath), items: group.items.count)
                }
            }
            missing = evidence.missing
            items = EvidenceExport.records(evidence, site: site).map(Item.init)
        }
    }

    struct Hub: Encodable {
        var title: String
        var base_url: String?

        enum CodingKeys: String, CodingKey { case title, base_url }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encode(base_url, forKey: .base_url)
        }
    }

    struct Conference: Encodable {
        var id: String
        var name: String
        var date: String
        var starts: String?

        enum CodingKeys: String, CodingKey { case id, name, date, starts }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(date, forKey: .date)
            try container.encode(starts, forKey: .starts)
        }
    }

    struct CommunityCount: Encodable {
        var id: String
        var title: String
        var path: String
        var items: Int
    }

    struct Item: Encodable {
        let record: EvidenceRecord

        enum CodingKeys: String, CodingKey {
            case community, community_title, title, date, summary, principles, value, kind, purpose, path, url, source
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(record.community, forKey: .community)
            try container.encode(record.communityTitle, forKey: .community_title)
            try container.encode(record.title, forKey: .title)
            try container.encode(record.date?.iso, forKey: .date)
            try container.encode(record.summary, forKey: .summary)
            try container.encode(record.principles, forKey: .principles)
            try container.encode(record.value?.rawValue, forKey: .value)
            try container.encode(record.kind, forKey: .kind)
            try container.encode(record.purpose, forKey: .purpose)
            try container.encode(record.path, forKey: .path)
            try container.encode(record.url, forKey: .url)
            try container.encode(record.source, forKey: .source)
        }
    }
}
