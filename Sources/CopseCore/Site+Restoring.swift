/// Makes the parts of a linked site from their fields, for the build cache, which keeps the
/// linked site between builds and reads it back instead of indexing and linking every page again
/// (`LinkedSiteFile` in CopseBuild). Nothing else makes them this way: the stages do.
package extension IndexedSite {
    static func restored(config: Config, today: Day, pages: [PlacedPage], communities: [Community],
                         draftCommunities: [Community], home: PageID?, hubResources: [PageID], hubDocuments: [PageID],
                         staticFiles: [StaticFile], hidden: [String: HiddenReason], unreadable: Set<String>) -> IndexedSite {
        IndexedSite(config: config, today: today, pages: pages, communities: communities, draftCommunities: draftCommunities,
                    home: home, hubResources: hubResources, hubDocuments: hubDocuments, staticFiles: staticFiles,
                    hidden: hidden, unreadable: unreadable)
    }
}

package extension LinkedSite {
    static func restored(indexed: IndexedSite, links: [[ResolvedLink]], staticFiles: [StaticFile], crossLinks: CrossLinks,
                         evidence: [EvidenceItem]) -> LinkedSite {
        LinkedSite(indexed: indexed, links: links, staticFiles: staticFiles, crossLinks: crossLinks, evidence: evidence)
    }
}

package extension PlacedPage {
    static func restored(parsed: ParsedPage, kind: PageKind, community: String?, founding: FoundingDocument?, title: String,
                         date: Day?, outputPath: String, isDraft: Bool) -> PlacedPage {
        PlacedPage(parsed: parsed, kind: kind, community: community, founding: founding, title: title, date: date,
                   outputPath: outputPath, isDraft: isDraft)
    }
}

package extension Community {
    static func restored(id: String, title: String, profile: PageID?, documents: [PageID], meetings: [PageID],
                         resources: [PageID]) -> Community {
        Community(id: id, title: title, profile: profile, documents: documents, meetings: meetings, resources: resources)
    }
}

package extension CrossLinks.Tag {
    static func restored(slug: String, name: String, pages: [PageID]) -> CrossLinks.Tag {
        CrossLinks.Tag(slug: slug, name: name, pages: pages)
    }
}

package extension EvidenceItem {
    static func restored(page: PageID, community: String?, conference: String, summary: String, principles: [String],
                         purpose: String?, value: ValueStage?, kind: String?, date: Day?) -> EvidenceItem {
        EvidenceItem(page: page, community: community, conference: conference, summary: summary, principles: principles,
                     purpose: purpose, value: value, kind: kind, date: date)
    }
}
