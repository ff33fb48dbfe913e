import Testing
@testable import CopseCore

@Suite struct ConfigTests {
    @Test func readsEveryKeyWithDefaults() throws {
        let config = try Config.parse("""
        title: Northern Computing
        base_url: https://hub.example.org/
        principles: [inclusive, collaborative]
        conferences:
          - id: "2027"
            name: Annual Conference 2027
            date: 2027-03-13
        markdown:
          unsafe_html: true
        """).get()
        #expect(config.title == "Northern Computing")
        #expect(config.language == "en")
        #expect(config.theme == "default")
        #expect(config.principles == ["inclusive", "collaborative"])
        #expect(config.conferences.first?.date == Day(year: 2027, month: 3, day: 13))
        #expect(config.markdown.unsafeHTML)
    }

    @Test func unknownKeysAreErrorsWithSuggestions() {
        let result = Config.parse("title: Hub\ntheeme: default\nmarkdown:\n  unsafe: true\n")
        #expect(result.failureText == """
        copse.yml:2:1: error: unknown key 'theeme' in copse.yml
            hint: did you mean 'theme'?
        copse.yml:4:3: error: unknown key 'unsafe' in 'markdown'
            hint: did you mean 'unsafe_html'?
        """)
    }

    @Test func missingTitle() {
        #expect(Config.parse("language: en\n").failureText == """
        copse.yml:1:1: error: missing required key 'title'
            hint: add a line 'title: ...'
        """)
    }

    @Test func badBaseURLAndDuplicateConference() {
        let text = Config.parse("""
        title: Hub
        base_url: hub.example.org
        conferences:
          - {id: "1", name: A, date: 2026-03-14}
          - {id: "1", name: B, date: 2027-03-13}
        """).failureText ?? ""
        #expect(text.contains("copse.yml:2:1: error: 'base_url' must start with http:// or https://"))
        // At the second entry's own id, not at 'conferences:'.
        #expect(text.contains("copse.yml:5:6: error: conference id '1' is used twice"))
    }

    @Test func conferenceIDsMustBeFolderNamesAndWindowsMustEndOnTheDate() {
        let text = Config.parse("""
        title: Hub
        conferences:
          - {id: "spring 2026", name: A, date: 2026-03-14}
          - {id: "2027", name: B, date: 2027-03-13, starts: 2027-04-01}
        """).failureText ?? ""
        #expect(text.contains("copse.yml:3:6: error: conference id 'spring 2026' cannot be a folder name in the site"))
        #expect(text.contains("copse.yml:4:45: error: conference '2027' starts collecting on 2027-04-01, after its date 2027-03-13"))
        #expect(Config.parse("title: Hub\nconferences:\n  - {id: spring_2026-b, name: A, date: 2026-03-14}\n").failureText == nil)
    }

    @Test func branchAndHistoryHaveDefaultsAndAreChecked() throws {
        let defaults = try Config.parse("title: Hub\nrepository: https://git.example.org/hub\n").get()
        #expect(defaults.repository == "https://git.example.org/hub")
        #expect(defaults.branch == "main")
        #expect(defaults.history.authors)
        let set = try Config.parse("title: Hub\nbranch: live\nhistory:\n  authors: false\n").get()
        #expect(set.branch == "live")
        #expect(!set.history.authors)
        #expect(Config.parse("""
        title: Hub
        repository: git@github.com:north/hub.git
        branch: my branch
        history:
          author: false
        """).failureText == """
        copse.yml:2:1: error: 'repository' must be the repository's web address, starting with http:// or https://
            hint: write the address you open in a browser, e.g. 'repository: https://github.com/our-hub/hub'
        copse.yml:3:1: error: 'branch' must be a branch name without spaces
            hint: write the branch the site is built from, e.g. 'branch: main'
        copse.yml:5:3: error: unknown key 'author' in 'history'
            hint: did you mean 'authors'?
        """)
    }
}

@Suite struct SuggestionTests {
    @Test func findsCloseNamesOnly() {
        #expect(Suggestion.nearest(to: "chartre.md", in: ["charter.md", "norms.md"]) == "charter.md")
        #expect(Suggestion.nearest(to: "budget.md", in: ["charter.md", "norms.md"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting", limit: 5) == 3)
    }
}

@Suite struct ConfigPartialReadingTests {
    @Test func aKeyOfTheWrongTypeIsReportedOnceAndTheRestIsRead() {
        let read = Config.read("""
        title: Hub
        principles: inclusive
        theme: northern
        conferences:
          - {id: "2026", name: A, date: 2026-03-14}
          - {id: "2027", name: B, date: soon}
        """)
        let (config, diagnostics) = (read.value, read.diagnostics)
        #expect(diagnostics.map(\.description) == [
            "copse.yml:2:1: error: 'principles' should be a list\n    hint: write 'principles: [first, second]' or one '- item' per line",
            "copse.yml:6:27: error: 'conferences[1].date': 'soon' is not a date\n    hint: write dates as YYYY-MM-DD, for example 2026-11-24",
        ])
        #expect(config?.title == "Hub")
        #expect(config?.theme == "northern")
        #expect(config?.principles == [])
        #expect(config?.conferences.map(\.id) == ["2026"])
        #expect(config?.unread == ["principles", "conferences"])
    }

    @Test func everyWronglyTypedKeyIsReportedAtItsLine() {
        let lines = Config.read("title: [a]\nlanguage: [en]\nbranch: {x: y}\nmarkdown:\n  unsafe_html: maybe\n").diagnostics
            .map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(lines == ["1:1 'title' should be text, not a list or a map", "2:1 'language' should be text, not a list or a map",
                          "3:1 'branch' should be text, not a list or a map", "5:3 'markdown.unsafe_html' should be true or false"])
    }

    @Test func brokenLinkSeverity() throws {
        #expect(try Config.parse("title: Hub\n").get().links.broken == .error)
        #expect(try Config.parse("title: Hub\nlinks:\n  broken: warning\n").get().links.broken == .warning)
        #expect(Config.parse("title: Hub\nlinks: {broken: warn, check: all}\n").failureText == """
        copse.yml:2:9: error: 'links.broken' must be 'error' or 'warning', not 'warn'
            hint: write 'broken: error' to fail the build on a broken link (the default), or 'broken: warning' to report it and publish the page
        copse.yml:2:23: error: unknown key 'check' in 'links'
            hint: 'links' accepts: broken
        """)
    }

    @Test func notAMap() {
        #expect(Config.parse("- title\n").failureText == """
        copse.yml:1:1: error: copse.yml must be a map of 'key: value' lines
            hint: start with a line 'title: Your hub name'
        """)
    }
}
