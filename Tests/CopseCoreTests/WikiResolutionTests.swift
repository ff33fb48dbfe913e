import Testing
@testable import CopseCore

@Suite struct WikiResolutionTests {
    static let hub = [
        "index.md": "Home",
        "agreement.md": "# Leaders' agreement\n\n## Our promises\n",
        "resources/pair-guide.md": "# Pair guide\n\n## Before you start\n",
        "resources/charter.md": "# Charter template\n",
        "communities/leeds/community.md": "---\ntitle: Leeds\n---\n",
        "communities/leeds/charter.md": "# Leeds charter\n\n## How we decide\n",
        "communities/leeds/resources/quiz.md": "# Quiz\n",
        "communities/leeds/meetings/2026-01-05-first.md": "# First\n",
        "communities/york/community.md": "---\ntitle: York\n---\n",
        "communities/york/charter.md": "# York charter\n",
        "communities/york/resources/café-notes.md": "# Café notes\n",
        "communities/york/resources/quiz.md": "# York quiz\n",
        "communities/york/meetings/2026-02-01-quiz.md": "# Quiz night\n",
        "communities/york/secret.md": "---\nprivate: true\n---\n",
        "communities/hull/notes.md": "# Hull notes\n",
    ]

    /// Resolves `markdown` written in `path`: each link as `url|title`, and the problems.
    func resolved(_ markdown: String, from path: String = "communities/leeds/meetings/2026-01-05-first.md") -> ([String], [String]) {
        var files = Self.hub
        files[path] = markdown
        let (site, diagnostics) = index(files)
        let page = site.pages.first { $0.parsed.contentPath == path }
        return (page?.resolvedLinks.map { "\($0.url(root: ""))|\($0.title)" } ?? [],
                diagnostics.filter { $0.severity == .error }.map(\.description))
    }

    @Test func ownCommunityThenHubThenCommunityNamesThenOtherCommunities() {
        let (links, problems) = resolved("[[charter]] [[pair-guide]] [[york]] [[café-notes]] [[quiz]] [[agreement]] [[index]]\n")
        #expect(problems == [])
        #expect(links == [
            "communities/leeds/charter/index.html|Leeds charter",
            "resources/pair-guide/index.html|Pair guide",
            "communities/york/index.html|York",
            "communities/york/resources/café-notes/index.html|Café notes",
            "communities/leeds/resources/quiz/index.html|Quiz",
            "agreement/index.html|Leaders' agreement",
            "index.html|Hub",
        ])
    }

    @Test func aHubPageFindsHubResourcesBeforeCommunities() {
        let (links, _) = resolved("[[charter]]\n", from: "agreement.md")
        #expect(links == ["resources/charter/index.html|Charter template"])
    }

    @Test func communityAndPathFormsAndCaseAndSpaces() {
        let (links, problems) = resolved("""
        [[york/charter]] [[York/Quiz]] [[communities/york/meetings/2026-02-01-quiz]] [[resources/pair-guide.md]]
        [[meetings/2026-01-05-first]] [[Pair Guide]] [[hull]] [[leeds/community]]
        """)
        #expect(problems == [])
        #expect(links == [
            "communities/york/charter/index.html|York charter",
            "communities/york/resources/quiz/index.html|York quiz",
            "communities/york/meetings/2026-02-01-quiz/index.html|Quiz night",
            "resources/pair-guide/index.html|Pair guide",
            "communities/leeds/meetings/2026-01-05-first/index.html|2026 01 05 first",
            "resources/pair-guide/index.html|Pair guide",
            "communities/hull/index.html|Hull",
            "communities/leeds/index.html|Leeds",
        ])
    }

    @Test func headingsByIdOrText() {
        let (links, problems) = resolved("[[charter#how-we-decide]] [[agreement#Our promises]] [[#agenda]]\n\n## Agenda\n")
        #expect(problems == [])
        #expect(links == [
            "communities/leeds/charter/index.html#how-we-decide|Leeds charter: How we decide",
            "agreement/index.html#our-promises|Leaders' agreement: Our promises",
            "#agenda|Agenda",
        ])
    }

    @Test func ambiguousNamesListTheCandidates() {
        let (_, problems) = resolved("[[quiz]]\n", from: "agreement.md")
        #expect(problems == ["""
            content/agreement.md:1:1: error: [link 1/1] wiki link [[quiz]] is ambiguous: it matches \
            content/communities/leeds/resources/quiz.md, content/communities/york/resources/quiz.md
                hint: name the one you mean: [[leeds/quiz]] or [[york/quiz]]
            """])
    }

    @Test func unknownNamesSuggestTheNearest() {
        let (_, problems) = resolved("See [[chartr]] and [[york/chater]] and [[nowhere/at/all]].\n")
        #expect(problems == [
            """
            content/communities/leeds/meetings/2026-01-05-first.md:1:5: error: [link 1/3] wiki link [[chartr]] matches no page
                hint: did you mean [[charter]]? a wiki link names a file without '.md': [[charter]], [[community-folder/page]] or a path under content/
            """,
            """
            content/communities/leeds/meetings/2026-01-05-first.md:1:20: error: [link 2/3] wiki link [[york/chater]]: community 'york' has no page 'chater'
                hint: did you mean [[york/charter]]?
            """,
            """
            content/communities/leeds/meetings/2026-01-05-first.md:1:40: error: [link 3/3] wiki link [[nowhere/at/all]] matches no page
                hint: content/nowhere/at/all.md does not exist; a path in a wiki link starts at content/ or at this community's folder
            """,
        ])
    }

    @Test func privatePagesAndMissingHeadingsAreErrors() {
        let (_, problems) = resolved("[[secret]] [[charter#votes]] [[york/charter#x]] [x](../charter.md#How-we-decide)\n")
        #expect(problems == [
            """
            content/communities/leeds/meetings/2026-01-05-first.md:1:1: error: [link 1/4] links to a private page [[secret]]
                hint: private pages are never published: remove the link or make the page public
            """,
            """
            content/communities/leeds/meetings/2026-01-05-first.md:1:12: error: [link 2/4] broken link to [[charter#votes]]: \
            content/communities/leeds/charter.md has no heading '#votes'
                hint: its headings are #how-we-decide
            """,
            """
            content/communities/leeds/meetings/2026-01-05-first.md:1:30: error: [link 3/4] broken link to [[york/charter#x]]: \
            content/communities/york/charter.md has no heading '#x'
                hint: that page has no headings; link to the page without '#x'
            """,
            """
            content/communities/leeds/meetings/2026-01-05-first.md:1:49: error: [link 4/4] broken link to '../charter.md#How-we-decide': \
            content/communities/leeds/charter.md has no heading '#How-we-decide'
                hint: did you mean '#how-we-decide'? its headings are #how-we-decide
            """,
        ])
    }

    @Test func foldersAndTheResourcesListAreLinkable() {
        let (links, problems) = resolved("[a](../../../resources/) [b](/) [c](../../hull/) [d](/resources/pair-guide.md#before-you-start)\n")
        #expect(problems == [])
        #expect(links.map { $0.split(separator: "|")[0] } == [
            "resources/index.html", "index.html", "communities/hull/index.html", "resources/pair-guide/index.html#before-you-start",
        ])
    }
}
