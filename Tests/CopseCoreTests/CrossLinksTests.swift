import Testing
@testable import CopseCore

@Suite struct CrossLinksTests {
    static let hub = [
        "index.md": "See [[pair-guide]].\n",
        "resources/pair-guide.md": "---\ntags: [Pairing, KS3]\n---\n# Pair guide\n\nSee [[pair-guide#top]] [[#top]].\n\n## Top\n",
        "communities/leeds/community.md": "---\ntitle: Leeds\n---\n[[quiz]]\n",
        "communities/leeds/resources/quiz.md": "---\ntags: [pairing]\n---\n# Quiz\n",
        "communities/leeds/meetings/2026-01-05-first.md": "---\ntags: [Pairing]\n---\n# First\n\n[[york/survey]] [[pair-guide]] [[quiz]] [[pair-guide|again]] [[charter]]\n",
        "communities/leeds/charter.md": "# Leeds charter\n",
        "communities/york/community.md": "---\ntitle: York\n---\n",
        "communities/york/resources/survey.md": "# Survey\n\n[[leeds/quiz]]\n",
        "communities/york/meetings/2026-02-01-second.md": "# Second\n\n[pair](../../../resources/pair-guide.md) [[survey]]\n",
        "communities/york/secret.md": "---\nprivate: true\ntags: [pairing]\n---\n[[pair-guide]] [[leeds/quiz]]\n",
        "communities/york/later.md": "---\ndraft: true\ntags: [pairing]\n---\n[[pair-guide]] [[leeds/quiz]]\n",
    ]

    func build(drafts: Bool = false) -> (Site, (String) -> PageID) {
        let (site, diagnostics) = index(Self.hub, drafts: drafts)
        #expect(diagnostics.filter { $0.severity == .error } == [])
        let lookup = { (path: String) in PageID(site.pages.firstIndex { $0.parsed.contentPath == path }!) }
        return (site, lookup)
    }

    func titles(_ site: Site, _ pages: [PageID]) -> [String] { pages.map { site.pages[$0].title } }

    @Test func backlinksComeFromPublishedPagesHubFirstThenByCommunity() {
        let (site, page) = build()
        let links = site.crossLinks
        #expect(titles(site, links.backlinks(of: page("resources/pair-guide.md"))) == ["Hub", "First", "Second"])
        #expect(titles(site, links.backlinks(of: page("communities/leeds/resources/quiz.md"))) == ["First", "Leeds", "Survey"])
        #expect(links.backlinks(of: page("communities/leeds/charter.md")).count == 1)
    }

    @Test func resourcesCountOtherCommunitiesOnly() {
        let (site, page) = build()
        #expect(site.crossLinks.usedBy[page("resources/pair-guide.md")] == ["leeds", "york"])
        #expect(site.crossLinks.usedBy[page("communities/leeds/resources/quiz.md")] == ["york"])
        #expect(site.crossLinks.usedBy[page("communities/york/resources/survey.md")] == ["leeds"])
    }

    @Test func meetingsListTheResourcesTheyLinkOnceInOrder() {
        let (site, page) = build()
        #expect(titles(site, site.crossLinks.meetingResources[page("communities/leeds/meetings/2026-01-05-first.md")] ?? [])
            == ["Survey", "Pair guide", "Quiz"])
        #expect(titles(site, site.crossLinks.meetingResources[page("communities/york/meetings/2026-02-01-second.md")] ?? [])
            == ["Pair guide", "Survey"])
    }

    @Test func tagsMergeSpellingsAndSkipHiddenPages() {
        let (site, _) = build()
        #expect(site.crossLinks.tags.map(\.slug) == ["ks3", "pairing"])
        let pairing = site.crossLinks.tags[1]
        #expect(pairing.name == "Pairing")
        #expect(titles(site, pairing.pages) == ["First", "Pair guide", "Quiz"])
    }

    @Test func previewedDraftsNeverAppearInOtherPagesLists() {
        let (site, page) = build(drafts: true)
        #expect(site.pages.contains { $0.parsed.contentPath == "communities/york/later.md" })
        #expect(titles(site, site.crossLinks.backlinks(of: page("resources/pair-guide.md"))) == ["Hub", "First", "Second"])
        #expect(site.crossLinks.usedBy[page("communities/leeds/resources/quiz.md")] == ["york"])
        #expect(site.crossLinks.tags[1].pages.count == 3)
    }

    @Test(arguments: [("Computing at School", "computing-at-school"), ("KS3 / KS4", "ks3-ks4"), ("  Café ", "café"), ("!!", "")])
    func tagSlugs(name: String, slug: String) {
        #expect(CrossLinks.tagSlug(name) == slug)
    }
}
