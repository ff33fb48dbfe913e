import Testing
@testable import CopseCore

@Suite struct EditLinkTests {
    static let path = "hub/content/communities/leeds/charter.md"

    @Test func followsEachForgesConvention() {
        #expect(EditLink(repository: "https://github.com/north/hub", branch: "main").url(path: Self.path)
            == "https://github.com/north/hub/edit/main/hub/content/communities/leeds/charter.md")
        #expect(EditLink(repository: "https://gitlab.com/north/hub/", branch: "main").url(path: Self.path)
            == "https://gitlab.com/north/hub/-/edit/main/hub/content/communities/leeds/charter.md")
        #expect(EditLink(repository: "https://gitlab.example.ac.uk/north/hub.git", branch: "live").url(path: "content/index.md")
            == "https://gitlab.example.ac.uk/north/hub/-/edit/live/content/index.md")
        #expect(EditLink(repository: "https://git.example.org/northern-computing/hub", branch: "main").url(path: "content/index.md")
            == "https://git.example.org/northern-computing/hub/_edit/main/content/index.md")
        #expect(EditLink(repository: "https://codeberg.org/north/hub", branch: "main").forge == .gitea)
        #expect(EditLink(repository: "https://WWW.GitHub.com/north/hub", branch: "main").forge == .github)
        #expect(EditLink(repository: "https://me@github.com:443/north/hub", branch: "main").forge == .github)
        // A host that only mentions github in its path is not GitHub.
        #expect(EditLink(repository: "https://git.example.org/github.com/hub", branch: "main").forge == .gitea)
    }

    @Test func aPatternGivesFullControl() {
        let link = EditLink(repository: "https://git.example.org/hub/_edit/{branch}/{path}", branch: "release/2026")
        #expect(link.forge == .pattern)
        #expect(link.url(path: "content/index.md") == "https://git.example.org/hub/_edit/release/2026/content/index.md")
    }

    @Test func encodesEachPathSegment() {
        #expect(EditLink.encode("content/Our notes/ü#1?.md") == "content/Our%20notes/%C3%BC%231%3F.md")
        #expect(EditLink(repository: "https://github.com/a/b", branch: "my branch").url(path: "content/a b.md")
            == "https://github.com/a/b/edit/my%20branch/content/a%20b.md")
    }
}
