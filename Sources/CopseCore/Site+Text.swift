/// A new version of some pages' text in a finished site (`copse serve`'s quick rebuild). Only
/// for versions whose front matter and Markdown outline are as before (the caller checks their
/// facets): then everything the earlier stages worked out from the pages (places, titles, links,
/// cross-links, evidence) still holds, and only the text changes.
extension SitePage {
    package func replacing(parsed: ParsedPage) -> SitePage {
        SitePage(self, parsed: parsed)
    }

    private init(_ page: SitePage, parsed: ParsedPage) {
        self.parsed = parsed
        kind = page.kind
        community = page.community
        founding = page.founding
        title = page.title
        date = page.date
        outputPath = page.outputPath
        isDraft = page.isDraft
        resolvedLinks = page.resolvedLinks
        lastChange = page.lastChange
    }
}

extension Site {
    /// This site with each page of `text` parsed from its new version.
    package func replacing(text: [PageID: ParsedPage]) -> Site {
        var pages = self.pages
        for (id, parsed) in text { pages[id.index] = pages[id.index].replacing(parsed: parsed) }
        return Site(self, pages: pages)
    }

    private init(_ site: Site, pages: [SitePage]) {
        config = site.config
        today = site.today
        self.pages = pages
        communities = site.communities
        draftCommunities = site.draftCommunities
        home = site.home
        hubResources = site.hubResources
        hubDocuments = site.hubDocuments
        staticFiles = site.staticFiles
        crossLinks = site.crossLinks
        evidence = site.evidence
        unpublished = site.unpublished
        repositoryPath = site.repositoryPath
    }
}
