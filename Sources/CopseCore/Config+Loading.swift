import Yams

public extension Config {
    static let fileName = "copse.yml"

    /// Reads `copse.yml` text; every problem becomes a diagnostic naming `copse.yml:line:col`.
    static func parse(_ text: String) -> Result<Config, BuildFailure> {
        let yaml = YAMLDecoding(path: fileName, lineOffset: 0)
        let node: Node
        switch yaml.compose(text) {
        case .failure(let diagnostic): return .failure(BuildFailure([diagnostic]))
        case .success(let composed?): node = composed
        case .success(nil):
            return .failure(BuildFailure([.error(SourceLocation(path: fileName), "copse.yml is empty",
                                                 hint: "add at least 'title: Your hub name'")]))
        }
        var diagnostics = yaml.unknownKeys(in: node, known: knownKeys, context: "copse.yml")
        if case .mapping(let mapping) = node {
            if let markdown = mapping.value(for: "markdown") {
                diagnostics += yaml.unknownKeys(in: markdown, known: markdownKeys, context: "'markdown'")
            }
            if let history = mapping.value(for: "history") {
                diagnostics += yaml.unknownKeys(in: history, known: historyKeys, context: "'history'")
            }
            if case .sequence(let conferences)? = mapping.value(for: "conferences") {
                for conference in conferences {
                    diagnostics += yaml.unknownKeys(in: conference, known: conferenceKeys, context: "a conference")
                }
            }
        }
        switch yaml.decode(File.self, from: node) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(let file):
            let config = Config(
                title: file.title, description: file.description, baseURL: file.base_url,
                language: file.language ?? "en", theme: file.theme ?? "default", repository: file.repository,
                branch: file.branch ?? "main", history: file.history ?? HistorySettings(), principles: file.principles ?? [], conferences: file.conferences ?? [],
                markdown: file.markdown ?? MarkdownSettings()
            )
            diagnostics += config.validate(yaml: yaml, node: node)
            if diagnostics.isEmpty { return .success(config) }
        }
        return .failure(BuildFailure(diagnostics))
    }
}

private extension Config {
    static func isFolderName(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    func validate(yaml: YAMLDecoding, node: Node) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func at(_ key: String) -> SourceLocation {
            guard case .mapping(let mapping) = node,
                  let pair = mapping.first(where: { $0.key.string == key }) else { return SourceLocation(path: Config.fileName) }
            return yaml.location(of: pair.key)
        }
        if title.allSatisfy(\.isWhitespace) {
            diagnostics.append(.error(at("title"), "'title' is empty", hint: "write the hub's name, e.g. 'title: Northern Computing Communities'"))
        }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            diagnostics.append(.error(at("base_url"), "'base_url' must start with http:// or https://",
                                      hint: "write the published address, e.g. 'base_url: https://hub.example.org/'"))
        }
        if let repository, !(repository.hasPrefix("https://") || repository.hasPrefix("http://")) {
            diagnostics.append(.error(at("repository"), "'repository' must be the repository's web address, starting with http:// or https://",
                                      hint: "write the address you open in a browser, e.g. 'repository: https://github.com/our-hub/hub'"))
        }
        if branch.isEmpty || branch.contains(where: \.isWhitespace) {
            diagnostics.append(.error(at("branch"), "'branch' must be a branch name without spaces",
                                      hint: "write the branch the site is built from, e.g. 'branch: main'"))
        }
        if theme.contains("/") || theme.hasPrefix(".") {
            diagnostics.append(.error(at("theme"), "'theme' must be a folder name under themes/", hint: "e.g. 'theme: default'"))
        }
        var seen = Set<String>()
        for conference in conferences where !seen.insert(conference.id).inserted {
            diagnostics.append(.error(at("conferences"), "conference id '\(conference.id)' is used twice",
                                      hint: "give each conference its own id, e.g. the year"))
        }
        for conference in conferences where !Self.isFolderName(conference.id) {
            diagnostics.append(.error(at("conferences"), "conference id '\(conference.id)' cannot be a folder name in the site",
                                      hint: "use letters, digits, '-' and '_' only (its pages go to evidence/<id>/), e.g. id: \"2027\""))
        }
        for conference in conferences {
            if let starts = conference.starts, conference.date < starts {
                diagnostics.append(.error(at("conferences"), "conference '\(conference.id)' starts collecting on \(starts.iso), after its date \(conference.date.iso)",
                                          hint: "'starts' is the first day of the collection window; it must be on or before 'date'"))
            }
        }
        return diagnostics
    }
}
