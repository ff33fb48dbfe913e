import CopseTemplate

/// The names every page has, whatever its template (the `layout` template sees these; each
/// kind's context adds its own). Every URL is relative to the page, through `root`.
struct LayoutContext: TemplateContext {
    var root: String
    /// The same on every page at one depth: made once for each (see ``ViewModel/siteInfo(root:)``).
    var site: Prebuilt<SiteInfo>
    /// Made once for each depth and section (see ``ViewModel/navigation(root:current:)``).
    var nav: PrebuiltList<NavItem>
    var breadcrumbs: [Breadcrumb]
    var page: PageInfo
    /// Where the page belongs, nearest first, without the hub: the community, the section.
    var placement: [String] = []
    /// The page's public address, when `base_url` is set.
    var address: String?

    static let fields: [TemplateField<Self>] = [
        .text("documentTitle", "the page's title, then where it belongs, then the hub: \"Our charter · Calder Valley Primary "
              + "Computing · Northern Computing Communities\"; different on every page, for `<title>`") {
            ([$0.page.title] + $0.placement + [$0.site.context.title]).joined(separator: " · ")
        },
        .text("shareTitle", "the same without the hub's name, for sharing (`og:title`), where `site.title` is the site name") {
            ([$0.page.title] + $0.placement).joined(separator: " · ")
        },
        .text("description", "the page's `summary:`, else `description:` in copse.yml; absent when neither is given",
              ifNone: .absent) { $0.page.summary ?? $0.site.context.description },
        .text("pageAddress", "the page's absolute address (for `og:url`); absent without `base_url`",
              ifNone: .absent) { $0.address },
        .text("root", "relative prefix to the site root, such as `\"\"`, `\"../\"`, `\"../../../\"`; every URL starts with it") { $0.root },
        .map("site", "the hub") { $0.site },
        .list("nav", "the primary navigation (Home, Communities, Resources, Tags, Evidence)") { $0.nav },
        .list("breadcrumbs", "from the home page down to the parent of this page (empty on the home page)",
              has: "hasBreadcrumbs") { $0.breadcrumbs },
        .map("page", "the page itself") { $0.page },
    ]
}

/// `site`: the hub and the addresses of the pages copse makes for it.
struct SiteInfo: TemplateContext {
    var title: String
    var description: String?
    var language: String
    var root: String
    var follow: FollowInfo?

    static let fields: [TemplateField<Self>] = [
        .text("title", "the hub's title (`title:` in copse.yml)") { $0.title },
        .text("description", "`description:` in copse.yml", ifNone: .absent) { $0.description },
        .text("language", "`language:` in copse.yml, such as `en`") { $0.language },
        .text("homeURL", "the home page") { $0.root + "index.html" },
        .text("communitiesURL", "the directory of communities: its section on the home page, `index.html#all-communities`") {
            $0.root + ViewModel.communitiesPath
        },
        .text("resourcesURL", "the commons, every resource of the hub") { $0.root + "resources/index.html" },
        .text("tagsURL", "the tag index") { $0.root + "tags/index.html" },
        .text("evidenceURL", "the evidence index") { $0.root + ViewModel.evidenceIndexPath },
        .text("healthURL", "the hub health page") { $0.root + ViewModel.healthPath },
        .text("searchURL", "the search page; the header's search form submits to it") { $0.root + ViewModel.searchPath },
        .map("follow", "the hub's feed and calendar; false when copse.yml has no `base_url` (then they are not written). "
             + "The default layout links the feed in the head of every page; `partials/follow` (rendered with `follow` in scope, "
             + "as in `{{#site}}{{>partials/follow}}{{/site}}`) shows the Follow section on the home page",
             ifNone: .asFalse) { $0.follow },
    ]
}

/// A feed and a calendar to subscribe to: the hub's (`site.follow`) or a community's (`community.follow`).
struct FollowInfo: TemplateContext {
    var subscription: SiteAddress.Subscription
    var root: String

    static let fields: [TemplateField<Self>] = [
        .text("title", "\"Hub name: meeting notes\", for the `title` of a `<link rel=\"alternate\" type=\"application/atom+xml\">`") {
            $0.subscription.title
        },
        .text("feedURL", "the Atom feed (`feed.xml`), relative like every other URL") { $0.root + $0.subscription.feedPath },
        .text("calendarURL", "the iCalendar file (`meetings.ics`)") { $0.root + $0.subscription.calendarPath },
        .text("feedAddress", "the feed's absolute address, to paste into a feed reader") { $0.subscription.feedURL },
        .text("calendarAddress", "the calendar's absolute address, to paste into a calendar app") { $0.subscription.calendarURL },
        .html("feedAddressHTML", "`feedAddress` escaped, with a line-break opportunity (`<wbr>`) after each `/` of its path, "
              + "so that a narrow screen breaks it there and never inside a word", ifNone: .never) {
            $0.subscription.feedAddressHTML
        },
        .html("calendarAddressHTML", "`calendarAddress` the same way", ifNone: .never) { $0.subscription.calendarAddressHTML },
        .text("webcalAddress", "`calendarAddress` with the scheme `webcal:`, which opens the subscribe dialog of the reader's "
              + "calendar app") { $0.subscription.webcalAddress },
    ]

    /// `webcal://host/path` for `https://host/path` (or `http:`): the scheme calendar apps
    /// register, so that following the link subscribes instead of downloading a copy.
    static func webcal(_ address: String) -> String {
        guard let host = afterScheme(address) else { return address }
        return "webcal://" + address[host...]
    }

    /// The address HTML-escaped, with `<wbr>` after each `/` that follows the host. Every page
    /// shows two of these: they are made from the bytes in one pass (escaping never adds a `/`).
    static func breakable(_ address: String) -> String {
        let start = afterScheme(address) ?? address.startIndex
        var out = Array(HTMLEscaping.escape(String(address[..<start])).utf8)
        let tail = HTMLEscaping.escape(String(address[start...]))
        out.reserveCapacity(out.count + tail.utf8.count + 40)
        for byte in tail.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "/") { out.append(contentsOf: "<wbr>".utf8) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the host starts: just after the first `://`, when there is one.
    static func afterScheme(_ address: String) -> String.Index? {
        let utf8 = address.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: ":"), utf8[index...].starts(with: "://".utf8) { return utf8.index(index, offsetBy: 3) }
            utf8.formIndex(after: &index)
        }
        return nil
    }
}

/// One link of the primary navigation.
struct NavItem: TemplateContext {
    var label: String
    var url: String
    var current: Bool

    static let fields: [TemplateField<Self>] = [
        .text("label", "Home, Communities, Resources, Tags or Evidence") { $0.label },
        .text("url", "where it leads") { $0.url },
        .flag("current", "this page is that section") { $0.current },
    ]
}

/// One step of the way from the home page to this page.
struct Breadcrumb: TemplateContext {
    var label: String
    var url: String

    static let fields: [TemplateField<Self>] = [
        .text("label", "the page's title") { $0.label },
        .text("url", "where it leads") { $0.url },
    ]
}
