extension SiteIndex {
    /// Folders with two pages of their own (`index.md` and `README.md`, or a community's
    /// `community.md` and `README.md`): one error per folder naming both files, at the second
    /// (a README first), and the output paths concerned, which are not reported again as two
    /// files written to one address. Checks every Markdown file, published or not.
    static func folderPageClashes(_ pages: [ParsedPage]) -> (diagnostics: [Diagnostic], outputs: Set<String>) {
        var byFolder: [String: [String]] = [:]
        // By position: a ParsedPage copied out retains each of its parts.
        for index in pages.indices where PagePlacement.isFolderPage(pages[index].contentPath) {
            let path = pages[index].contentPath
            byFolder[PathBytes.parts(path).dropLast().joined(separator: "/"), default: []].append(path)
        }
        var diagnostics: [Diagnostic] = []
        var outputs = Set<String>()
        for (folder, paths) in byFolder where paths.count > 1 {
            // The README is the one a git host shows, so the problem is reported at it.
            let sorted = paths.sorted { (PagePlacement.isReadme($0) ? 0 : 1, $0) < (PagePlacement.isReadme($1) ? 0 : 1, $1) }
            let names = sorted.map { String(PathBytes.lastPart($0)!) }
            let shown = folder.isEmpty ? "content/" : "content/\(folder)/"
            let output = PagePlacement(contentPath: sorted[0]).outputPath
            outputs.insert(output)
            diagnostics.append(.error(SourceLocation(path: "content/" + sorted[0]),
                "\(shown) has two pages of its own: \(names.dropLast().joined(separator: ", ")) and \(names.last!)",
                hint: "a folder has one page of its own, written to \(output): merge the two files into one, or rename one of them"))
        }
        return (diagnostics, outputs)
    }
}
