import Foundation
import CCmarkGFM

/// Parses and renders one Markdown body with cmark-gfm in a single pass.
///
/// Thread-safe: every call makes and frees its own parser and tree, in its thread's own memory
/// (``MarkdownArena``), so pages render in parallel.
package enum MarkdownRenderer {
    /// Renders `source`. `isInternal` decides which link destinations need resolving; those get
    /// a placeholder URL and are listed in ``MarkdownDocument/links``.
    package static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        isInternal: (String) -> Bool = LinkClassifier.isInternal
    ) -> MarkdownDocument {
        MarkdownArena.withThreadArena { memory in render(source, options: options, isInternal: isInternal, memory: memory) }
            ?? render(source, options: options, isInternal: isInternal, memory: cmark_get_default_mem_allocator())
    }
}

private extension MarkdownRenderer {
    /// Parses and renders with cmark-gfm allocating from `memory`; everything it allocates is
    /// freed (or, in the arena, given up) before this returns.
    static func render(_ source: String, options: MarkdownOptions, isInternal: (String) -> Bool,
                       memory: UnsafeMutablePointer<cmark_mem>) -> MarkdownDocument {
        registerExtensions
        let cmarkOptions = Self.cmarkOptions(options)
        guard let parser = cmark_parser_new_with_mem(cmarkOptions, memory) else { fatalError("cmark-gfm: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = source
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        // cmark-gfm 0.29 switches the extensions' special characters (~ for strikethrough, | for
        // tables, : and w for autolinks) on in a process-wide table when a parser finishes and
        // off again afterwards, so two parsers finishing at once would miss `~~struck~~` text or
        // bare URLs. ``SpecialCharacters`` keeps the table switched on; until the library is
        // seen to use it, finishing is serialised.
        let root = SpecialCharacters.ownTableInUse ? cmark_parser_finish(parser)
            : finishLock.withLock { cmark_parser_finish(parser) }
        guard let root else { fatalError("cmark-gfm: out of memory") }
        defer { cmark_node_free(root) }

        // Private passages and HTML comments go first: nothing later (the title, headings, links)
        // may see them.
        // A pass over a kind of node the page does not have is skipped (see TreeCensus).
        let census = TreeCensus(root)
        let privatePassages = census.codeBlocks ? TreePasses.removePrivatePassages(root) : []
        if census.html { TreePasses.removeHTMLComments(root) }
        let tag = LinkPlaceholder.tag(avoiding: source)
        let title = TreePasses.removeLeadingTitle(root)
        var links = census.linksOrImages ? TreePasses.placeholderLinks(root, tag: tag, isInternal: isInternal) : []
        // Heading ids come from the text as written, before wiki links become link nodes.
        let headings = census.headings ? TreePasses.anchorHeadings(root, memory: memory) : []
        TreePasses.wikiLinks(root, source: source, tag: tag, links: &links, memory: memory)
        let anchors = census.footnoteReferences || census.html ? TreePasses.otherAnchors(root, rawHTML: options.unsafeHTML) : []
        if census.tables { TreePasses.scrollableTables(root, memory: memory) }
        if census.blockQuotes { TreePasses.callouts(root, memory: memory) }
        let undescribed = census.images ? TreePasses.imagesWithoutDescription(root) : []

        guard let rendered = cmark_render_html_with_mem(root, cmarkOptions, cmark_parser_get_syntax_extensions(parser), memory) else {
            fatalError("cmark-gfm: out of memory")
        }
        defer { memory.pointee.free(rendered) }
        var html = String(cString: rendered)
        // Most pages have no task list and no code block: glibc's strstr says so faster than a
        // pass in Swift (and a copy of the page's bytes for it to run over).
        if strstr(rendered, "<input type=\"checkbox\"") != nil { html = TaskListLabels.apply(html) }
        if strstr(rendered, "<pre>") != nil { html = FocusableCode.apply(html) }
        return MarkdownDocument(html: html, title: title, headings: headings, links: links,
                                otherAnchors: anchors, placeholderTag: tag, privatePassages: privatePassages,
                                imagesWithoutDescription: undescribed.map { MarkdownPosition(line: $0.line, column: $0.column) })
    }

    static let finishLock = NSLock()

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// cmark-gfm keeps its extension registry in a global list: fill it once, before any thread
    /// parses (a lazily initialised static is run exactly once, thread-safely).
    static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        // Table cell alignment as style attributes: the `align` attribute is obsolete in HTML5.
        var value = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if options.unsafeHTML { value |= CMARK_OPT_UNSAFE }
        return value
    }
}
