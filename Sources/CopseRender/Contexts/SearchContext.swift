import CopseCore
import CopseTemplate

/// `search`: the search page, `search/index.html`.
struct SearchContext: TemplateContext {
    var layout: LayoutContext
    var search: SearchInfo

    static let fields: [TemplateField<Self>] = [
        .including { $0.layout },
        .map("search", "the search form and its filters") { $0.search },
        .flag("isSearchPage", "true (the layout leaves out the header's search box on this page)") { _ in true },
    ]
}

/// `search` on the search page. The filters are rendered here, not by the script, so they read
/// the same without it.
struct SearchInfo: TemplateContext {
    var root: String
    var pageCount: Int
    var communities: [SearchCommunity]
    var kinds: [SearchKindItem]

    static let fields: [TemplateField<Self>] = [
        .text("indexURL", "the index (`index.js`, beside the page): load it with `<script ... defer>` before `scriptURL`, which loads the parts it names from the same folder") { _ in
            "index.js"
        },
        .text("scriptURL", "the theme's `assets/search.js`") { $0.root + "assets/search.js" },
        .text("directoryURL", "the directory of communities on the home page, for readers without JavaScript") {
            $0.root + "index.html#communities-heading"
        },
        .text("pageCount", "\"62 pages\"") { Plural.counted($0.pageCount, "page") },
        .list("communities", "every community, for the community filter") { $0.communities },
        .list("kinds", "the kinds of page the index holds, for the kind filter") { $0.kinds },
    ]
}

/// A community in the search page's filter.
struct SearchCommunity: TemplateContext {
    var id: String
    var title: String

    static let fields: [TemplateField<Self>] = [
        .text("id", "its folder name") { $0.id },
        .text("title", "its name") { $0.title },
    ]
}

/// A kind of page in the search page's filter.
struct SearchKindItem: TemplateContext {
    var id: String
    var label: String

    static let fields: [TemplateField<Self>] = [
        .text("id", "the kind, as the index names it") { $0.id },
        .text("label", "what a reader calls it") { $0.label },
    ]
}

/// `404`: the not-found page. A server shows it at any missing address, however deep.
struct NotFoundContext: TemplateContext {
    var layout: LayoutContext

    static let fields: [TemplateField<Self>] = [.including { $0.layout }]
}
