import CopseCore

extension ViewModel {
    /// `page.lastChanged…` and `page.editURL` of a page with a source file: when it last changed
    /// and by whom (from git; else its `updated:` date, without a name), and where to edit it.
    func historyKeys(_ page: SitePage) -> [String: Any] {
        var keys: [String: Any] = [:]
        let change = page.lastChange
        let day = change?.day ?? page.parsed.frontMatter.updated
        keys["hasLastChanged"] = day != nil
        keys["lastChanged"] = day?.long
        keys["lastChangedISO"] = day?.iso
        keys["lastChangedFromGit"] = change != nil
        let author = site.config.history.authors ? change?.author : nil
        keys["lastChangedBy"] = author
        keys["hasLastChangedBy"] = author != nil
        let editURL = editLink?.url(path: site.repositoryPath + page.parsed.source)
        keys["editURL"] = editURL
        keys["hasEditURL"] = editURL != nil
        keys["hasHistory"] = day != nil || editURL != nil
        return keys
    }

    /// The same keys for a page copse makes itself: it has no history and nothing to edit.
    static var noHistory: [String: Any] {
        ["hasHistory": false, "hasLastChanged": false, "lastChangedFromGit": false, "hasLastChangedBy": false, "hasEditURL": false]
    }
}
