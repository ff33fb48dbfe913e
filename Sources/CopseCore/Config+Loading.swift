import Yams

package extension Config {
    static let fileName = "copse.yml"

    /// Reads `copse.yml` text strictly: no config unless it has no problem at all (see ``read(_:)``).
    static func parse(_ text: String) -> Checked<Config> {
        let read = read(text)
        return read.diagnostics.isEmpty ? read : .failed(read.diagnostics)
    }

    /// Reads `copse.yml` text as far as it can: each key with a problem is reported once, at its
    /// line, and left at its default (its name goes into ``Config/unread``); every other key is
    /// still read, so the rest of the build reports no problem that only follows from that one.
    /// The config is nil only when the text is not YAML or not a map of keys.
    static func read(_ text: String) -> Checked<Config> {
        let yaml = YAMLDecoding(path: fileName, lineOffset: 0)
        let node: Node
        switch yaml.compose(text) {
        case .failure(let diagnostic): return .failed([diagnostic])
        case .success(let composed?): node = composed
        case .success(nil):
            return .failed([.error(SourceLocation(path: fileName), "copse.yml is empty", hint: "add at least 'title: Your hub name'")])
        }
        guard case .mapping(let mapping) = node else {
            return .failed([.error(yaml.location(of: node), "copse.yml must be a map of 'key: value' lines",
                                   hint: "start with a line 'title: Your hub name'")])
        }
        var reading = ConfigReading(yaml: yaml, root: mapping)
        reading.reportUnknownKeys()
        let file = reading.decodeKeys()
        let conferences = reading.decodeConferences()
        var config = Config(
            title: file.title ?? "", description: file.description, baseURL: file.base_url,
            language: file.language ?? "en", theme: file.theme ?? "default", repository: file.repository,
            branch: file.branch ?? "main", history: file.history ?? HistorySettings(), principles: file.principles ?? [],
            conferences: conferences, markdown: file.markdown ?? MarkdownSettings(), unread: reading.unread)
        if file.title == nil, !reading.unread.contains("title") {
            reading.diagnostics.append(.error(SourceLocation(path: fileName), "missing required key 'title'",
                                              hint: "add a line 'title: ...'"))
        }
        reading.check(&config, links: file.links)
        return Checked(config, reading.diagnostics.sorted())
    }
}
