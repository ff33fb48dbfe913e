import CopseCore
import Foundation
import Testing
@testable import CopseRender

/// Templates are checked against the context of the page kinds they render when the theme
/// loads: a name no page has is an error at its tag, with the nearest name that exists.
@Suite struct ThemeNameCheckTests {
    static func errors(_ sources: [String: String]) -> [String] {
        Theme.checkAndRender(sources).diagnostics.map(\.description)
    }

    @Test func aMisspeltNameIsAnErrorAtItsTagWithASuggestion() {
        #expect(Self.errors(["document": "<h1>{{page.titel}}</h1>"]) == [
            "document.mustache:1:5: error: 'page.titel' is not a name on the pages this template renders\n"
                + "    hint: did you mean 'page.title'? docs/theme-context.md lists the names each template can use",
        ])
    }

    @Test func aNameOnlyMeetingsHaveIsFineInTheMeetingTemplateAndAnErrorInTheDocumentTemplate() {
        let source = "x\n{{#meeting.previous}}<a href=\"{{url}}\">{{title}}</a>{{/meeting.previous}}"
        #expect(Self.errors(["meeting": source]) == [])
        #expect(Self.errors(["document": source]) == [
            "document.mustache:2:1: error: 'meeting.previous' is not a name on the pages this template renders\n"
                + "    hint: 'meeting.previous' is only in the context of the template 'meeting'; "
                + "docs/theme-context.md lists the names each template can use",
        ])
    }

    @Test func aPartialIsCheckedAgainstTheTemplatesThatIncludeIt() {
        let sources = ["meeting": "{{>partials/nav}}", "document": "{{>partials/nav}}",
                       "partials/nav": "{{#meeting.next}}{{url}}{{/meeting.next}}\n{{#community}}{{titel}}{{/community}}"]
        #expect(Self.errors(sources) == [
            "partials/nav.mustache:2:15: error: 'titel' is not a name on the pages this template renders\n"
                + "    hint: did you mean 'title'? docs/theme-context.md lists the names each template can use",
        ])
    }

    @Test func aBlockOfAnExtendedParentIsCheckedWithTheChildsContext() {
        let sources = ["layout": "<main>{{$main}}{{/main}}</main>\n{{$footer}}{{site.titel}}{{/footer}}",
                       "resource": "{{<layout}}\n{{$main}}{{resource.usedByLabel}} {{resource.usedBye}}{{/main}}\n{{/layout}}"]
        #expect(Self.errors(sources).map { $0.components(separatedBy: "\n")[0] } == [
            "layout.mustache:2:12: error: 'site.titel' is not a name on the pages this template renders",
            "resource.mustache:2:35: error: 'resource.usedBye' is not a name on the pages this template renders",
        ])
    }

    @Test func theDefaultThemeUsesOnlyNamesItsPagesHave() throws {
        let theme = try Theme.load(name: "default", searchPath: [], root: URL(fileURLWithPath: "/")).get()
        #expect(Theme.nameProblems(theme.templates).isEmpty)
    }
}
