import CopseCore
import CopseTemplate

/// `commons`: one view of the resource commons (every view is its own static page).
struct CommonsContext: TemplateContext {
    var layout: LayoutContext
    var commons: CommonsInfo

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("commons", "the view") { $0.commons },
    ]
}

/// `commons` on a view of the commons.
struct CommonsInfo: TemplateContext {
    var root: String
    var sorts: [SortItem]
    var kinds: [FacetItem]
    var tags: [FacetItem]
    var hasMoreTags: Bool
    var filter: CommonsFilter?
    var items: [CommonsItem]

    static let fields: [TemplateField<Self>] = [
        .list("sorts", "\"Most used\" and \"A to Z\" (on a kind or tag view neither is current, and both lead back to every "
              + "resource)") { $0.sorts },
        .list("kinds", "the kinds some resource has", has: "hasKinds") { $0.kinds },
        .list("tags", "the most used tags some resource has (at most 12, plus the one being viewed)", has: "hasTags") { $0.tags },
        .flag("hasMoreTags", "there are more tags than `tags` offers") { $0.hasMoreTags },
        .text("allTagsURL", "the tag index") { $0.root + "tags/index.html" },
        .text("allURL", "the unfiltered view") { $0.root + Commons.View.byUse.path },
        .flag("isFiltered", "a kind or tag view") { $0.filter != nil },
        .map("filter", "what the view is filtered by; absent when not filtered", ifNone: .absent) { $0.filter },
        .list("items", "the resources of this view", has: "hasItems") { $0.items },
        .text("countLabel", "\"12 resources\"") { Plural.counted($0.items.count, "resource") },
    ]
}

/// A way to sort the commons: mark the current one `aria-current="page"`.
struct SortItem: TemplateContext {
    var label: String
    var url: String
    var current: Bool

    static let fields: [TemplateField<Self>] = [
        .text("label", "\"Most used\" or \"A to Z\"") { $0.label },
        .text("url", "its view") { $0.url },
        .flag("current", "this is the view shown") { $0.current },
    ]
}

/// A kind or tag to filter the commons by: mark the current one `aria-current="page"`.
struct FacetItem: TemplateContext {
    var name: String
    var url: String
    var count: Int
    var current: Bool

    static let fields: [TemplateField<Self>] = [
        .text("name", "the kind or tag") { $0.name },
        .text("url", "its view") { $0.url },
        .number("count", "how many resources have it") { $0.count },
        .flag("current", "this is the view shown") { $0.current },
    ]
}

/// `commons.filter`: `Tag` and `python`.
struct CommonsFilter: TemplateContext {
    var label: String
    var value: String

    static let fields: [TemplateField<Self>] = [
        .text("label", "`Kind` or `Tag`") { $0.label },
        .text("value", "the kind or tag") { $0.value },
    ]
}

/// A resource as the commons lists it.
struct CommonsItem: TemplateContext {
    var link: LinkItem
    var resource: ResourceInfo
    var owner: TitleLink?
    var tags: [TagLink]

    static let fields: [TemplateField<Self>] = [
        .including { $0.link },
        .including { $0.resource },
        .map("owner", "the community that made it; false for a hub resource", ifNone: .asFalse) { $0.owner },
        .list("tags", "its tags, `{name, url}`, whose `url` is the tag's view in the commons", has: "hasTags") { $0.tags },
    ]
}

/// A tag of a resource in the commons.
struct TagLink: TemplateContext {
    var name: String
    var url: String

    static let fields: [TemplateField<Self>] = [
        .text("name", "the tag") { $0.name },
        .text("url", "its view in the commons") { $0.url },
    ]
}

/// `list`: the tag index and each tag's page.
struct ListContext: TemplateContext {
    var layout: LayoutContext
    var groups: [ListGroup]
    var emptyMessage: String?

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .list("groups", "the tag index: one group, \"Every tag in the hub\", whose items are the tags (`summary` \"3 pages\"); a "
              + "tag's page: the groups Resources, Meetings and Pages that have pages, each item with its `meta`", has: "hasGroups") {
            $0.groups
        },
        .text("emptyMessage", "what to say when there are no groups", ifNone: .absent) { $0.emptyMessage },
    ]
}

/// A group of a list page.
struct ListGroup: TemplateContext {
    var title: String
    var items: [LinkItem]

    static let fields: [TemplateField<Self>] = [
        .text("title", "its heading") { $0.title },
        .text("url", "where the heading leads (no group has one yet)", ifNone: .absent, has: "hasURL") { _ in nil },
        .list("items", "its pages") { $0.items },
    ]
}
