import Yams

extension ConfigReading {
    /// Checks the values that decoded but may still be wrong. A wrong value is reported at its
    /// key and replaced by its default, so nothing else fails because of it.
    mutating func check(_ config: inout Config, links: Config.LinksFile?) {
        if config.title.allSatisfy(\.isWhitespace), root.value(for: "title") != nil, !unread.contains("title") {
            diagnostics.append(.error(at("title"), "'title' is empty", hint: "write the hub's name, e.g. 'title: Northern Computing Communities'"))
        }
        if let baseURL = config.baseURL, !Self.isWebAddress(baseURL) {
            diagnostics.append(.error(at("base_url"), "'base_url' must start with http:// or https://",
                                      hint: "write the published address, e.g. 'base_url: https://hub.example.org/'"))
            config.baseURL = nil
        }
        if let repository = config.repository, !Self.isWebAddress(repository) {
            diagnostics.append(.error(at("repository"), "'repository' must be the repository's web address, starting with http:// or https://",
                                      hint: "write the address you open in a browser, e.g. 'repository: https://github.com/our-hub/hub'"))
            config.repository = nil
        }
        if config.branch.isEmpty || config.branch.contains(where: \.isWhitespace) {
            diagnostics.append(.error(at("branch"), "'branch' must be a branch name without spaces",
                                      hint: "write the branch the site is built from, e.g. 'branch: main'"))
            config.branch = "main"
        }
        if config.theme.contains("/") || config.theme.hasPrefix(".") {
            diagnostics.append(.error(at("theme"), "'theme' must be a folder name under themes/", hint: "e.g. 'theme: default'"))
            config.theme = "default"
        }
        config.links = checkLinks(links)
        config.conferences = checkConferences(config.conferences)
    }
}

private extension ConfigReading {
    static func isWebAddress(_ text: String) -> Bool { text.hasPrefix("https://") || text.hasPrefix("http://") }

    static func isFolderName(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// The location of a top-level key.
    func at(_ key: String) -> SourceLocation {
        guard let pair = root.first(where: { $0.key.string == key }) else { return SourceLocation(path: Config.fileName) }
        return yaml.location(of: pair.key)
    }

    mutating func checkLinks(_ links: Config.LinksFile?) -> Config.LinkSettings {
        guard let written = links?.broken else { return Config.LinkSettings() }
        if let severity = Diagnostic.Severity(rawValue: written) { return Config.LinkSettings(broken: severity) }
        var location = at("links")
        if case .mapping(let mapping)? = root.value(for: "links"), let key = mapping.first(where: { $0.key.string == "broken" })?.key {
            location = yaml.location(of: key)
        }
        diagnostics.append(.error(location, "'links.broken' must be 'error' or 'warning', not '\(written)'",
                                  hint: "write 'broken: error' to fail the build on a broken link (the default), or 'broken: warning' to report it and publish the page"))
        unread.insert("links")
        return Config.LinkSettings()
    }

    /// Duplicate ids, ids that cannot be folder names and windows that end before they start,
    /// each at the entry's own key. A second conference with an id already used is left out
    /// (the rest of copse counts on each id naming one conference).
    mutating func checkConferences(_ conferences: [Config.Conference]) -> [Config.Conference] {
        var seen = Set<String>()
        var kept: [Config.Conference] = []
        for (conference, entry) in zip(conferences, conferenceEntries) {
            guard seen.insert(conference.id).inserted else {
                diagnostics.append(.error(location(of: "id", in: entry), "conference id '\(conference.id)' is used twice",
                                          hint: "give each conference its own id, e.g. the year"))
                continue
            }
            kept.append(conference)
            if !Self.isFolderName(conference.id) {
                diagnostics.append(.error(location(of: "id", in: entry), "conference id '\(conference.id)' cannot be a folder name in the site",
                                          hint: "use letters, digits, '-' and '_' only (its pages go to evidence/<id>/), e.g. id: \"2027\""))
            }
            if let starts = conference.starts, conference.date < starts {
                diagnostics.append(.error(location(of: "starts", in: entry),
                                          "conference '\(conference.id)' starts collecting on \(starts.iso), after its date \(conference.date.iso)",
                                          hint: "'starts' is the first day of the collection window; it must be on or before 'date'"))
            }
        }
        return kept
    }

    func location(of key: String, in entry: Node) -> SourceLocation {
        guard case .mapping(let mapping) = entry, let pair = mapping.first(where: { $0.key.string == key }) else {
            return yaml.location(of: entry)
        }
        return yaml.location(of: pair.key)
    }
}
