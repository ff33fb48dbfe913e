import CopseCore

extension ViewModel {
    /// The home page: the community directory and the hub's own lists.
    func homeContext(_ layout: LayoutContext, root: String) -> HomeContext {
        HomeContext(layout: layout, communities: site.communities.map { communityHeader($0, root: root) },
                    upcomingMeetings: hubUpcomingMeetings().map { meetingItem($0, root: root, withCommunity: true) },
                    resources: site.hubResources.map { linkItem($0, root: root) },
                    pages: site.hubDocuments.map { linkItem($0, root: root) })
    }

    /// The home page when `content/index.md` does not exist.
    func generatedHome() -> HomeContext {
        let layout = layout(outputPath: "index.html", page: Self.generatedPage(title: site.config.title, kind: "home", kindLabel: "Home"),
                            breadcrumbs: [], current: "index.html")
        return homeContext(layout, root: "")
    }

    /// A community home when the community has no `community.md`.
    func generatedCommunityHome(_ community: Community) -> CommunityContext {
        let page = Self.generatedPage(title: community.title, kind: "community", kindLabel: "Community")
        return CommunityContext(layout: layout(outputPath: community.outputPath, page: page, breadcrumbs: [("Home", "index.html")]),
                                community: communityHome(community, root: Self.root(for: community.outputPath)))
    }

    /// `404.html`. A server shows it at any depth, so relative links would break: when
    /// `base_url` is set its links start at that URL's path instead.
    func notFound() -> NotFoundContext {
        let root = site.config.baseURL.flatMap(Self.path(of:))
        var layout = layout(outputPath: "404.html", page: Self.generatedPage(title: "Page not found", kind: "notfound", kindLabel: "Not found"),
                            breadcrumbs: [], root: root)
        // It stands for no address of its own: nothing to share or call canonical.
        layout.address = nil
        return NotFoundContext(layout: layout)
    }

    /// `/hub/` from `https://example.org/hub`.
    static func path(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let afterHost = url[scheme.upperBound...].firstIndex(of: "/").map { String(url[$0...]) } ?? "/"
        return afterHost.hasSuffix("/") ? afterHost : afterHost + "/"
    }
}
