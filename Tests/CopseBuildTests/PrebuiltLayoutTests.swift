@testable import CopseBuild
import CopseCore
@testable import CopseRender
import CopseTemplate
import CopseTestSupport
import Testing

/// Every page shows the hub's `site` and the primary `nav`, which differ only with the way back to
/// the site root (and, for `nav`, the section marked current): the model makes them once for each
/// usual depth. What a page gets must be exactly what it would have made itself.
@Suite struct PrebuiltLayoutTests {
    @Test func eachPageGetsTheSiteAndNavigationItWouldMakeItself() throws {
        let root = Fixtures.folder.appendingPathComponent("sites/evidence/input")
        let site = try #require(Pipeline.site(Fixtures.options(root: root)).value)
        let model = ViewModel(site: site)
        let hub = try #require(model.subscriptions.hub, "the fixture has a base_url, so every page offers its feed")
        // The usual depths, one past those made up front, and roots no depth gives.
        let roots = (0..<14).map { String(repeating: "../", count: $0) } + ["/hub/", "../..", "abc"]
        for root in roots {
            let site = SiteInfo(title: site.config.title, description: site.config.description, language: site.config.language,
                                root: root, follow: FollowInfo(subscription: hub, root: root))
            #expect(Self.same(model.siteInfo(root: root).value, site.templateValue), "site at \(root.debugDescription)")
            for current in [nil] + ViewModel.navigation.map(\.1) + ["evidence/2026/index.html"] {
                let nav = ViewModel.navigation.map { NavItem(label: $0.0, url: root + $0.1, current: $0.1 == current) }
                #expect(Self.same(model.navigation(root: root, current: current).value, .list(nav.map(\.templateValue))),
                        "nav at \(root.debugDescription), \(current ?? "none") current")
            }
        }
    }

    /// Whether a template would see the same names and values in both.
    static func same(_ left: TemplateValue, _ right: TemplateValue) -> Bool {
        switch (left, right) {
        case (.text(let a), .text(let b)), (.html(let a), .html(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.list(let a), .list(let b)): a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.map(let a), .map(let b)):
            a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.name == $1.name && same($0.value, $1.value) }
        default: false
        }
    }
}
