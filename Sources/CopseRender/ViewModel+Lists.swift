import CopseCore

extension ViewModel {
    /// The community directory and hub lists on the home page.
    func homeLists(root: String) -> [String: Any] {
        let communities: [[String: Any]] = site.communities.map { communityHeader($0, root: root) }
        let resources = site.hubResources.map { linkItem($0, root: root) }
        let pages = site.hubDocuments.map { linkItem($0, root: root) }
        return [
            "communities": communities, "hasCommunities": !communities.isEmpty,
            "resources": resources, "hasResources": !resources.isEmpty,
            "pages": pages, "hasPages": !pages.isEmpty,
        ]
    }

    /// The home page when `content/index.md` does not exist.
    func generatedHome() -> [String: Any] {
        var context = base(outputPath: "index.html", page: Self.generatedPage(title: site.config.title, kind: "home", kindLabel: "Home"),
                           breadcrumbs: [], current: "index.html")
        context.merge(homeLists(root: "")) { $1 }
        return context
    }

    /// A community home when the community has no `community.md`.
    func generatedCommunityHome(_ community: Community) -> [String: Any] {
        var context = base(outputPath: community.outputPath, page: Self.generatedPage(title: community.title, kind: "community", kindLabel: "Community"),
                           breadcrumbs: [("Home", "index.html")])
        context["community"] = communityDictionary(community, root: ViewModel.root(for: community.outputPath))
        return context
    }

    /// `404.html`. A server shows it at any depth, so relative links would break: when
    /// `base_url` is set its links start at that URL's path instead.
    func notFound() -> [String: Any] {
        let context = base(outputPath: "404.html", page: Self.generatedPage(title: "Page not found", kind: "notfound", kindLabel: "Not found"),
                           breadcrumbs: [])
        guard let baseURL = site.config.baseURL, let path = Self.path(of: baseURL) else { return context }
        return Self.rebase(context, root: path)
    }

    /// `/hub/` from `https://example.org/hub`.
    static func path(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let afterHost = url[scheme.upperBound...].firstIndex(of: "/").map { String(url[$0...]) } ?? "/"
        return afterHost.hasSuffix("/") ? afterHost : afterHost + "/"
    }

    /// Rewrites the root-relative URLs of a root-level context to start at `root`.
    static func rebase(_ context: [String: Any], root: String) -> [String: Any] {
        var context = context
        context["root"] = root
        if var site = context["site"] as? [String: Any] {
            site["homeURL"] = root + "index.html"
            site["resourcesURL"] = root + "resources/index.html"
            site["tagsURL"] = root + "tags/index.html"
            site["evidenceURL"] = root + Self.evidenceIndexPath
            site["healthURL"] = root + Self.healthPath
            site["searchURL"] = root + Self.searchPath
            if var follow = site["follow"] as? [String: Any] {
                follow["feedURL"] = root + DiscoveryFiles.feed
                follow["calendarURL"] = root + DiscoveryFiles.calendar
                site["follow"] = follow
            }
            context["site"] = site
        }
        if let nav = context["nav"] as? [[String: Any]] {
            context["nav"] = nav.map { item in
                var item = item
                item["url"] = root + ((item["url"] as? String) ?? "")
                return item
            }
        }
        return context
    }
}
