import Testing
@testable import CopseCore

@Suite struct ReadmePlacementTests {
    @Test func aReadmeIsItsFoldersPage() {
        let home = PagePlacement(contentPath: "README.md")
        #expect(home.kind == .home && home.outputPath == "index.html")
        let profile = PagePlacement(contentPath: "communities/leeds/Readme.md")
        #expect(profile.kind == .community && profile.community == "leeds" && profile.outputPath == "communities/leeds/index.html")
        let notes = PagePlacement(contentPath: "communities/leeds/meetings/readme.md")
        #expect(notes.kind == .document && notes.outputPath == "communities/leeds/meetings/index.html")
        let folder = PagePlacement(contentPath: "working-groups/ai/README.md")
        #expect(folder.kind == .document && folder.outputPath == "working-groups/ai/index.html")
        #expect(PagePlacement(contentPath: "guides/readme-first.md").outputPath == "guides/readme-first/index.html")
    }

    @Test func folderPages() {
        #expect(PagePlacement.isReadme("a/README.md") && PagePlacement.isReadme("ReadMe.md"))
        #expect(!PagePlacement.isReadme("a/readmes.md") && !PagePlacement.isReadme("a/README.txt"))
        #expect(PagePlacement.isFolderPage("communities/a/community.md"))
        #expect(!PagePlacement.isFolderPage("communities/a/meetings/community.md"))
        #expect(PagePlacement.isFolderPage("x/index.md") && PagePlacement.isFolderPage("x/README.md"))
    }

    @Test func schemeLessWebAddresses() {
        #expect(LinkResolver.webAddress("www.example.org") == "www.example.org")
        #expect(LinkResolver.webAddress("example.org/about") == "example.org/about")
        #expect(LinkResolver.webAddress("school.ac.uk") == "school.ac.uk")
        #expect(LinkResolver.webAddress("slides.pdf") == nil)
        #expect(LinkResolver.webAddress("notes.md") == nil)
        #expect(LinkResolver.webAddress("../www.example.org") == nil)
        #expect(LinkResolver.webAddress("guide") == nil)
    }
}
