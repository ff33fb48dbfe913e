@testable import CopseServe
import CopseCore
import Foundation
import Testing

@Suite("What serve adds to pages")
struct PageTests {
    @Test func theAdditionGoesBeforeTheLastBodyEnd() {
        let page = Data("<html><body><p>&lt;/body&gt;</p><script>'</body>'</script>\n</BODY>\n</html>\n".utf8)
        let out = String(decoding: PageInjection.inject("<x>", into: page), as: UTF8.self)
        #expect(out == "<html><body><p>&lt;/body&gt;</p><script>'</body>'</script>\n<x></BODY>\n</html>\n")
        #expect(String(decoding: PageInjection.inject("<x>", into: Data("<p>no body".utf8)), as: UTF8.self) == "<p>no body<x>")
        #expect(String(decoding: PageInjection.inject("<x>", into: Data()), as: UTF8.self) == "<x>")
    }

    @Test func theScriptIsInlineAndNamesItsBuild() {
        let tag = ReloadScript.tag(build: "abc-3")
        #expect(tag.hasPrefix("<script>\n"))
        #expect(!tag.contains("src="))
        #expect(!tag.contains("http"))
        #expect(tag.contains("var page = \"abc-3\";"))
        #expect(tag.contains("new EventSource(\"/_copse/events\")"))
    }

    @Test func theOverlayListsEveryProblemEscapedErrorsFirst() {
        let problems = [
            Diagnostic.error(SourceLocation(path: "copse.yml", line: 3, column: 1), "invalid YAML"),
            Diagnostic.warning(SourceLocation(path: "content/a.md", line: 2, column: 1), "a warning"),
            Diagnostic.error(SourceLocation(path: "content/<b>.md", line: 12, column: 5), "broken link to 'x.md' & more",
                             hint: "link to <an existing page>"),
        ]
        let html = ProblemsOverlay.html(problems, lastGoodSite: true)
        #expect(html.contains("role=\"alertdialog\" aria-labelledby=\"copse-problems-title\""))
        #expect(html.contains("<h2 id=\"copse-problems-title\""))
        #expect(html.contains(">The site could not be built: 2 errors</h2>"))
        #expect(html.contains("This is the last good build."))
        #expect(html.contains("content/&lt;b&gt;.md:12:5</code> <strong"))
        #expect(html.contains(">error</strong>: broken link to &#39;x.md&#39; &amp; more<br>"))
        #expect(html.contains("hint: link to &lt;an existing page&gt;"))
        let error = try! #require(html.range(of: "content/&lt;b&gt;.md:12:5"))
        let warning = try! #require(html.range(of: "content/a.md:2:1"))
        let config = try! #require(html.range(of: "copse.yml:3:1"))
        #expect(config.lowerBound < error.lowerBound, "copse.yml first: its problems cause others")
        #expect(error.lowerBound < warning.lowerBound)
        #expect(!html.contains("<b>"))
        let page = ProblemsOverlay.page(problems, build: "s-1")
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(page.contains("<title>The site could not be built</title>"))
        #expect(page.contains("var page = \"s-1\";"))
        #expect(!page.contains("This is the last good build."))
    }
}

@Suite("Which changes matter, and when")
struct WatchRulesTests {
    @Test func theFilter() {
        let filter = WatchFilter()
        for path in ["copse.yml", "content", "content/a.md", "content/x/y/z.png", "themes/mine/page.mustache", "themes"] {
            #expect(filter.matters(path), "\(path)")
        }
        for path in ["output/index.html", "output", ".copse-cache/serve/site/index.html", "README.md", "content/.git/HEAD",
                     "content/.a.md.swp", "content/a.md~", "content/4913", "content/.#a.md", "content/#a.md#",
                     "content/a.md.swx", "content/.hidden/a.md", "themes/x/page.mustache___jb_tmp___", "x/copse.yml", ""] {
            #expect(!filter.matters(path), "\(path)")
        }
    }

    @Test func theDebouncerWaitsForQuietButNotForever() throws {
        let start = ContinuousClock.now
        func at(_ milliseconds: Int) -> ContinuousClock.Instant { start.advanced(by: .milliseconds(milliseconds)) }
        var debouncer = Debouncer<ContinuousClock.Instant>(quiet: .milliseconds(100), longest: .milliseconds(1000))
        #expect(debouncer.wait(at: at(0)) == nil)
        #expect(debouncer.take(at: at(0)) == nil)
        debouncer.note(["b", "a"], at: at(0))
        #expect(debouncer.wait(at: at(0)) == .milliseconds(100))
        debouncer.note(["a"], at: at(60))
        #expect(debouncer.take(at: at(120)) == nil)
        #expect(debouncer.wait(at: at(120)) == .milliseconds(40))
        #expect(debouncer.take(at: at(160)) == ["a", "b"])
        #expect(debouncer.wait(at: at(160)) == nil)
        // Changes that never stop are still handed on after `longest`.
        for step in 0..<20 { debouncer.note(["c\(step)"], at: at(1000 + step * 50)) }
        #expect(debouncer.wait(at: at(1950)) == .milliseconds(50))
        #expect(debouncer.take(at: at(2000))?.count == 20)
        debouncer.note([String](), at: at(3000))
        #expect(debouncer.wait(at: at(3000)) == nil, "nothing noted, nothing pending")
    }
}
