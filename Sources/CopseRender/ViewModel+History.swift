import CopseCore

extension ViewModel {
    /// When a page with a source file last changed and by whom (from git; else its `updated:`
    /// date, without a name), and where to edit it.
    func history(_ page: SitePage) -> PageHistory {
        let change = page.lastChange
        return PageHistory(lastChanged: change?.day ?? page.parsed.frontMatter.updated, fromGit: change != nil,
                           author: site.config.history.authors ? change?.author : nil,
                           editURL: editLink?.url(path: site.repositoryPath + page.parsed.source))
    }
}
