import Testing
@testable import CopseCore

@Suite struct LinkResolverTests {
    static let hub = [
        "index.md": "Home",
        "agreement.md": "# Agreement\n\n## Our promises\n",
        "resources/pair-guide.md": "# Pair guide\n\n## Steps\n",
        "communities/leeds/community.md": "---\ntitle: Leeds\n---\n",
        "communities/leeds/charter.md": "# Charter\n",
        "communities/leeds/meetings/2026-01-05-first.md": "# First\n",
        "communities/york/community.md": "---\ntitle: York\n---\n",
        "communities/york/secret.md": "---\nprivate: true\n---\n",
        "communities/york/later.md": "---\ndraft: true\n---\n",
    ]

    func resolved(_ markdown: String, from path: String = "communities/leeds/meetings/2026-01-05-first.md",
                  statics: [String] = []) -> ([String], [String]) {
        var files = Self.hub
        files[path] = markdown
        let (site, diagnostics) = index(files, statics: statics)
        let page = site.pages.first { $0.parsed.contentPath == path }
        return (page?.resolvedLinks.map { $0.url(root: "") } ?? [], diagnostics.map(\.description))
    }

    @Test func resolvesEveryInternalForm() {
        let (links, problems) = resolved("""
        [a](../charter.md) [b](../../../resources/pair-guide.md#steps) [c](/agreement.md)
        [d](../../york/) [e](../../york) [f](../../../index.md) [g](./2026-01-05-first.md?x=1)
        [h](../photo%20one.jpg) [i](/communities/leeds/community.md) [j](https://example.org/x.md)
        """, statics: ["communities/leeds/photo one.jpg"])
        #expect(problems == [])
        #expect(links == [
            "communities/leeds/charter/index.html", "resources/pair-guide/index.html#steps", "agreement/index.html",
            "communities/york/index.html", "communities/york/index.html", "index.html",
            "communities/leeds/meetings/2026-01-05-first/index.html", "communities/leeds/photo one.jpg",
            "communities/leeds/index.html",
        ])
    }

    @Test func brokenLinksAreReportedWithPositionAndSuggestion() {
        let (_, problems) = resolved("Intro\n\nSee [the charter](../chartre.md) and [x](../../nowhere/x.md).\n")
        #expect(problems == [
            """
            content/communities/leeds/meetings/2026-01-05-first.md:3:5: error: [link 1/2] broken link to '../chartre.md': content/communities/leeds/chartre.md does not exist
                hint: did you mean 'charter.md'? (content/communities/leeds/charter.md)
            """,
            """
            content/communities/leeds/meetings/2026-01-05-first.md:3:38: error: [link 2/2] broken link to '../../nowhere/x.md': content/communities/nowhere/x.md does not exist
                hint: there is no folder content/communities/nowhere; check the path, counting '../' from this file's folder
            """,
        ])
    }

    @Test func linksToHiddenPagesAreErrors() {
        let (_, problems) = resolved("[s](../../york/secret.md) [d](../../york/later.md)\n")
        #expect(problems.count == 2)
        #expect(problems[0].contains("1:1: error: [link 1/2] links to a private page '../../york/secret.md'"))
        #expect(problems[1].contains("1:27: error: [link 2/2] links to a draft page '../../york/later.md'"))
    }

    @Test func linksMayNotLeaveContent() {
        let (_, problems) = resolved("[x](../../../../../etc/passwd)\n")
        #expect(problems.first?.contains("error: [link 1/1] link to '../../../../../etc/passwd' points outside content/") == true)
    }
}
