import Testing
@testable import CopseCore

@Suite struct DiagnosticFormatTests {
    static let broken = Diagnostic.error(SourceLocation(path: "content/x.md", line: 3, column: 5),
                                         "broken link to 'a.md': content/a.md does not exist", hint: "did you mean 'b.md'?")

    @Test func textIsTheUsualForm() {
        #expect(DiagnosticFormat.text.line(for: Self.broken, pathPrefix: "hub/") == """
        content/x.md:3:5: error: broken link to 'a.md': content/a.md does not exist
            hint: did you mean 'b.md'?
        """)
    }

    @Test func jsonIsOneObjectOnOneLine() {
        #expect(DiagnosticFormat.json.line(for: Self.broken) == #"{"path":"content/x.md","line":3,"column":5,"severity":"error","message":"broken link to 'a.md': content/a.md does not exist","hint":"did you mean 'b.md'?"}"#)
        let warning = Diagnostic.warning(SourceLocation(path: "content/q.md"), "say \"hi\"\n\tback\\slash")
        #expect(DiagnosticFormat.json.line(for: warning, pathPrefix: "hub/") == #"{"path":"hub/content/q.md","line":1,"column":1,"severity":"warning","message":"say \"hi\"\n\tback\\slash","hint":null}"#)
    }

    @Test func githubIsAWorkflowCommandWithTheMessageAsTitle() {
        #expect(DiagnosticFormat.github.line(for: Self.broken, pathPrefix: "hub/") == "::error file=hub/content/x.md,line=3,col=5,title=broken link to 'a.md'%3A content/a.md does not exist::broken link to 'a.md': content/a.md does not exist%0Ahint: did you mean 'b.md'?")
        let warning = Diagnostic.warning(SourceLocation(path: "content/a,b:c.md", line: 2, column: 1), "100% done,\r\nnot: yet")
        #expect(DiagnosticFormat.github.line(for: warning) == "::warning file=content/a%2Cb%3Ac.md,line=2,col=1,title=100%25 done%2C%0D%0Anot%3A yet::100%25 done,%0D%0Anot: yet")
    }

    @Test func gitHubEscaping() {
        #expect(DiagnosticFormat.escapeGitHubData("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f")
        #expect(DiagnosticFormat.escapeGitHubProperty("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf")
    }
}

@Suite struct CommandSuggestionsTests {
    static let copse = CommandSuggestions(commands: ["build", "check", "evidence"], defaultCommand: "build")

    @Test func aMistypedCommandGetsTheNearestAndTheList() {
        #expect(Self.copse.problem(in: ["chek"]) == """
        error: unknown command 'chek'. Did you mean 'check'?
        The commands are: build (the default), check, evidence.
        See 'copse --help' for what each does, and 'copse help <command>' for its options.
        """)
        #expect(Self.copse.problem(in: ["buidl", "--root", "x"])?.hasPrefix("error: unknown command 'buidl'. Did you mean 'build'?\n") == true)
    }

    @Test func aWordFarFromEveryCommandGetsTheListOnly() {
        #expect(Self.copse.problem(in: ["publish"]) == """
        error: unknown command 'publish'.
        The commands are: build (the default), check, evidence.
        See 'copse --help' for what each does, and 'copse help <command>' for its options.
        """)
    }

    @Test func aFolderGetsTheRootHint() {
        #expect(Self.copse.problem(in: ["my-hub"], isFolder: { $0 == "my-hub" })?.split(separator: "\n")[1]
                == "To build the hub in that folder: copse build --root my-hub")
    }

    @Test func commandsOptionsAndNothingAreLeftToTheParser() {
        #expect(Self.copse.problem(in: []) == nil)
        #expect(Self.copse.problem(in: ["--root", "x"]) == nil)
        #expect(Self.copse.problem(in: ["check", "--strict"]) == nil)
        #expect(Self.copse.problem(in: ["help", "check"]) == nil)
        #expect(Self.copse.problem(in: ["-h"]) == nil)
    }

    @Test func newCommandsAreSuggestedToo() {
        let more = CommandSuggestions(commands: ["build", "check", "evidence", "init", "new"], defaultCommand: "build")
        #expect(more.problem(in: ["int"])?.hasPrefix("error: unknown command 'int'. Did you mean 'init'?") == true)
    }
}
