import CopseCore

extension ViewModel {
    /// One view of the commons (template `commons`).
    func commonsPage(_ view: Commons.View) -> CommonsContext {
        let path = view.path
        let root = Self.root(for: path)
        var title = "Resources"
        var filter: CommonsFilter?
        switch view {
        case .byUse: break
        case .byTitle: title = "Resources from A to Z"
        case .kind(let slug):
            let name = commons.kinds.first { $0.slug == slug }?.name ?? slug
            title = "Resources: \(name)"
            filter = CommonsFilter(label: "Kind", value: name)
        case .tag(let slug):
            let name = commons.tags.first { $0.slug == slug }?.name ?? slug
            title = "Resources tagged \(name)"
            filter = CommonsFilter(label: "Tag", value: name)
        }
        let crumbs = view == .byUse ? [("Home", "index.html")] : [("Home", "index.html"), ("Resources", "resources/index.html")]
        let layout = layout(outputPath: path, page: Self.generatedPage(title: title, kind: "commons", kindLabel: "The commons"),
                            breadcrumbs: crumbs, current: "resources/index.html")
        let facet = { (facets: [Commons.Facet], make: (String) -> Commons.View) -> [FacetItem] in
            facets.map { FacetItem(name: $0.name, url: root + make($0.slug).path, count: $0.resources.count, current: view == make($0.slug)) }
        }
        let info = CommonsInfo(
            root: root,
            sorts: [("Most used", Commons.View.byUse), ("A to Z", .byTitle)].map { label, sort in
                SortItem(label: label, url: root + sort.path, current: view == sort)
            },
            kinds: facet(commons.kinds, Commons.View.kind), tags: facet(commons.tagsToOffer(current: view), Commons.View.tag),
            hasMoreTags: commons.tags.count > Commons.offeredTags, filter: filter,
            items: commons.resources(in: view).map { commonsItem($0, root: root) })
        return CommonsContext(layout: layout, commons: info)
    }

    /// A resource as the commons lists it.
    func commonsItem(_ index: PageID, root: String) -> CommonsItem {
        let page = site.pages[index]
        var seen = Set<String>()
        let tags: [TagLink] = (page.parsed.frontMatter.tags ?? []).compactMap { name in
            let slug = site.crossLinks.slugs[name] ?? CrossLinks.tagSlug(name)
            guard !slug.isEmpty, tagSlugs.contains(slug), seen.insert(slug).inserted else { return nil }
            return TagLink(name: name, url: root + Commons.View.tag(slug).path)
        }
        return CommonsItem(link: linkItem(index, root: root), resource: resourceInfo(index, root: root),
                           owner: community(page.community).map { TitleLink(title: $0.title, url: root + $0.outputPath) },
                           tags: tags)
    }

    /// `tags/index.html` (template `list`): every tag with how many pages carry it.
    func tagIndex() -> ListContext {
        let path = "tags/index.html"
        let root = Self.root(for: path)
        let layout = layout(outputPath: path, page: Self.generatedPage(title: "Tags", kind: "tags", kindLabel: "Tags"),
                            breadcrumbs: [("Home", "index.html")], current: path)
        let items = site.crossLinks.tags.map { tag in
            LinkItem(title: tag.name, url: root + Self.tagPath(tag.slug), summary: Self.counted(tag.pages.count, "page"))
        }
        return ListContext(layout: layout, groups: items.isEmpty ? [] : [ListGroup(title: "Every tag in the hub", items: items)],
                           emptyMessage: "No page has tags yet.")
    }

    /// `tags/<slug>/index.html` (template `list`): the pages with one tag, by kind.
    func tagPage(_ tag: CrossLinks.Tag) -> ListContext {
        let path = Self.tagPath(tag.slug)
        let root = Self.root(for: path)
        var page = Self.generatedPage(title: tag.name, kind: "tag", kindLabel: "Tag")
        page.summary = "\(Self.counted(tag.pages.count, "page")) tagged “\(tag.name)”."
        let layout = layout(outputPath: path, page: page, breadcrumbs: [("Home", "index.html"), ("Tags", "tags/index.html")],
                            current: "tags/index.html")
        let sections: [(String, (PageKind) -> Bool)] = [
            ("Resources", { $0 == .resource }), ("Meetings", { $0 == .meeting }), ("Pages", { $0 != .resource && $0 != .meeting }),
        ]
        let groups = sections.compactMap { title, matches -> ListGroup? in
            let items = tag.pages.filter { matches(site.pages[$0].kind) }.map { index -> LinkItem in
                var item = linkItem(index, root: root)
                let page = site.pages[index]
                item.meta = [kindLabel(page), community(page.community)?.title, page.date?.long].compactMap { $0 }.joined(separator: " · ")
                return item
            }
            return items.isEmpty ? nil : ListGroup(title: title, items: items)
        }
        return ListContext(layout: layout, groups: groups, emptyMessage: nil)
    }
}
