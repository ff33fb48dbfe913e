import CopseCore
import CopseMarkdown

/// libFuzzer entry point: one Markdown file (front matter, Markdown, wiki links) through the
/// whole parse stage, with raw HTML both off and on. Any crash, hang or runaway memory fails, and
/// so does front matter that the scanner shortcut reads differently from Yams.
@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzPageParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for unsafe in [false, true] {
        let result = PageParser.parse(source: "content/communities/a/page.md", contentPath: "communities/a/page.md",
                                      bytes: bytes, markdown: MarkdownOptions(unsafeHTML: unsafe))
        if let page = result.value {
            _ = page.markdown.html.count + page.markdown.links.count
        }
    }
    if let text = PageParser.split(source: "content/a.md", contentPath: "a.md", bytes: bytes).value {
        let scanned = PageParser.readFrontMatter(text), composed = PageParser.readFrontMatter(text, scanning: false)
        guard scanned.value == composed.value, scanned.diagnostics == composed.diagnostics else {
            fatalError("the front-matter scanner and Yams disagree: \(scanned) against \(composed)")
        }
    }
    return 0
}
