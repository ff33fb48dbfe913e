import CopseCore

extension ViewModel {
    /// One view of the commons (template `commons`).
    func commonsPage(_ view: Commons.View) -> [String: Any] {
        let path = view.path
        let root = Self.root(for: path)
        var title = "Resources"
        var filter: [String: Any]?
        switch view {
        case .byUse: break
        case .byTitle: title = "Resources from A to Z"
        case .kind(let slug):
            let name = commons.kinds.first { $0.slug == slug }?.name ?? slug
            title = "Resources: \(name)"
            filter = ["label": "Kind", "value": name]
        case .tag(let slug):
            let name = commons.tags.first { $0.slug == slug }?.name ?? slug
            title = "Resources tagged \(name)"
            filter = ["label": "Tag", "value": name]
        }
        let crumbs = view == .byUse ? [("Home", "index.html")] : [("Home", "index.html"), ("Resources", "resources/index.html")]
        var context = base(outputPath: path, page: Self.generatedPage(title: title, kind: "commons", kindLabel: "The commons"),
                           breadcrumbs: crumbs, current: "resources/index.html")
        let items = commons.resources(in: view).map { commonsItem($0, root: root) }
        let facet = { (facets: [Commons.Facet], make: (String) -> Commons.View) -> [[String: Any]] in
            facets.map { ["name": $0.name, "url": root + make($0.slug).path, "count": $0.resources.count,
                          "current": view == make($0.slug)] }
        }
        var commonsContext: [String: Any] = [
            "sorts": [("Most used", Commons.View.byUse), ("A to Z", .byTitle)].map { label, sort in
                ["label": label, "url": root + sort.path, "current": view == sort] as [String: Any]
            },
            "kinds": facet(commons.kinds, Commons.View.kind), "hasKinds": !commons.kinds.isEmpty,
            "tags": facet(commons.tagsToOffer(current: view), Commons.View.tag), "hasTags": !commons.tags.isEmpty,
            "hasMoreTags": commons.tags.count > Commons.offeredTags, "allTagsURL": root + "tags/index.html",
            "allURL": root + Commons.View.byUse.path,
            "isFiltered": filter != nil,
            "items": items, "hasItems": !items.isEmpty,
            "countLabel": Self.counted(items.count, "resource"),
        ]
        commonsContext["filter"] = filter
        context["commons"] = commonsContext
        return context
    }

    /// A resource as the commons lists it.
    func commonsItem(_ index: Int, root: String) -> [String: Any] {
        let page = site.pages[index]
        var item = linkItem(index, root: root)
        item.merge(resourceDictionary(index, root: root)) { $1 }
        item["owner"] = page.community.flatMap { communityIndex[$0] }.map { site.communities[$0] }
            .map { ["title": $0.title, "url": root + $0.outputPath] as [String: Any] } ?? false
        var seen = Set<String>()
        let tags: [[String: Any]] = (page.parsed.frontMatter.tags ?? []).compactMap { name in
            let slug = site.crossLinks.slugs[name] ?? CrossLinks.tagSlug(name)
            guard !slug.isEmpty, tagSlugs.contains(slug), seen.insert(slug).inserted else { return nil }
            return ["name": name, "url": root + Commons.View.tag(slug).path]
        }
        item["tags"] = tags
        item["hasTags"] = !tags.isEmpty
        return item
    }

    /// `tags/index.html` (template `list`): every tag with how many pages carry it.
    func tagIndex() -> [String: Any] {
        let path = "tags/index.html"
        let root = Self.root(for: path)
        var context = base(outputPath: path, page: Self.generatedPage(title: "Tags", kind: "tags", kindLabel: "Tags"),
                           breadcrumbs: [("Home", "index.html")], current: path)
        let items: [[String: Any]] = site.crossLinks.tags.map { tag in
            ["title": tag.name, "url": root + Self.tagPath(tag.slug), "summary": Self.counted(tag.pages.count, "page")]
        }
        context["groups"] = items.isEmpty ? [] : [["title": "Every tag in the hub", "hasURL": false, "items": items]]
        context["hasGroups"] = !items.isEmpty
        context["emptyMessage"] = "No page has tags yet."
        return context
    }

    /// `tags/<slug>/index.html` (template `list`): the pages with one tag, by kind.
    func tagPage(_ tag: CrossLinks.Tag) -> [String: Any] {
        let path = Self.tagPath(tag.slug)
        let root = Self.root(for: path)
        var page = Self.generatedPage(title: tag.name, kind: "tag", kindLabel: "Tag")
        page["summary"] = "\(Self.counted(tag.pages.count, "page")) tagged “\(tag.name)”."
        var context = base(outputPath: path, page: page, breadcrumbs: [("Home", "index.html"), ("Tags", "tags/index.html")],
                           current: "tags/index.html")
        let sections: [(String, (PageKind) -> Bool)] = [
            ("Resources", { $0 == .resource }), ("Meetings", { $0 == .meeting }), ("Pages", { $0 != .resource && $0 != .meeting }),
        ]
        context["groups"] = sections.compactMap { title, matches -> [String: Any]? in
            let items = tag.pages.filter { matches(site.pages[$0].kind) }.map { index -> [String: Any] in
                var item = linkItem(index, root: root)
                let page = site.pages[index]
                let community = page.community.flatMap { communityIndex[$0] }.map { site.communities[$0].title }
                item["meta"] = [kindLabel(page), community, page.date?.long].compactMap { $0 }.joined(separator: " · ")
                return item
            }
            return items.isEmpty ? nil : ["title": title, "hasURL": false, "items": items]
        }
        context["hasGroups"] = !tag.pages.isEmpty
        return context
    }
}
