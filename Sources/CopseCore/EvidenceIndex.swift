/// Checks every published page's `evidence:` against `copse.yml` and collects the items.
///
/// Private and draft pages are not in ``Site/pages``, so their evidence never gets here.
package enum EvidenceIndex {
    /// The items, by conference (in `copse.yml` order), community, date and page; and every
    /// problem, at the line of the key concerned.
    package static func build(_ site: IndexedSite) -> Checked<[EvidenceItem]> {
        let windows = ConferenceWindows(site.config.conferences)
        var items: [EvidenceItem] = []
        var diagnostics: [Diagnostic] = []
        for (index, page) in zip(site.pages.ids, site.pages) where !page.isDraft {
            guard let evidence = page.parsed.frontMatter.evidence else { continue }
            let checked = check(evidence, page: page, index: index, config: site.config, windows: windows)
            if let item = checked.value { items.append(item) }
            diagnostics += checked.diagnostics
        }
        let order = Dictionary(uniqueKeysWithValues: site.config.conferences.enumerated().map { ($0.element.id, $0.offset) })
        items.sort { a, b in
            (order[a.conference] ?? .max, a.community ?? "", a.date?.daysSinceEpoch ?? .min, site.pages[a.page].outputPath)
                < (order[b.conference] ?? .max, b.community ?? "", b.date?.daysSinceEpoch ?? .min, site.pages[b.page].outputPath)
        }
        return Checked(items, diagnostics)
    }
}

private extension EvidenceIndex {
    static func check(_ evidence: Evidence, page: PlacedPage, index: PageID, config: Config,
                      windows: ConferenceWindows) -> Checked<EvidenceItem> {
        let parsed = page.parsed
        var problems = parsed.evidenceKeyProblems
        let summary = evidence.summary.map { $0.trimmingWhitespace } ?? ""
        if summary.isEmpty {
            problems.append(.error(parsed.location(ofKey: evidence.summary == nil ? "evidence" : "evidence.summary"),
                "evidence has no summary",
                hint: "add 'summary: …' under 'evidence:': one or two sentences on what happened and what it shows"))
        }
        // When copse.yml's principles could not be read, that is the one error to report.
        let written = config.unread.contains("principles") ? [] : evidence.principles ?? []
        for (position, principle) in written.enumerated() where !config.principles.contains(principle) {
            let known = config.principles.joined(separator: ", ")
            problems.append(.error(parsed.location(ofKey: "evidence.principles.\(position)"),
                "'\(principle)' is not one of the hub's principles",
                hint: Suggestion.didYouMean(principle, in: config.principles)
                    + (known.isEmpty ? "copse.yml lists no principles; add 'principles: [...]' there" : "the principles in copse.yml are: \(known)")))
        }
        var value: ValueStage?
        if let written = evidence.value {
            value = ValueStage(rawValue: written.lowercased())
            if value == nil {
                let stages = ValueStage.allCases.map(\.rawValue)
                problems.append(.error(parsed.location(ofKey: "evidence.value"), "'\(written)' is not a stage of value",
                    hint: Suggestion.didYouMean(written, in: stages) + "use one of: \(stages.joined(separator: ", "))"))
            }
        }
        let date = page.date ?? parsed.frontMatter.updated
        let conference = resolveConference(evidence, date: date, parsed: parsed, config: config, windows: windows)
        problems += conference.diagnostics
        guard problems.isEmpty, let conference = conference.value else { return .failed(problems) }
        let principles = config.principles.filter { (evidence.principles ?? []).contains($0) }
        return Checked(EvidenceItem(page: index, community: page.community, conference: conference, summary: summary,
                                    principles: principles, purpose: evidence.purpose, value: value, kind: evidence.kind, date: date))
    }

    static func resolveConference(_ evidence: Evidence, date: Day?, parsed: ParsedPage, config: Config,
                                  windows: ConferenceWindows) -> Checked<String> {
        let ids = config.conferences.map(\.id)
        // An unreadable conference in copse.yml is reported there; evidence is not checked against the rest.
        if config.unread.contains("conferences") { return .failed([]) }
        guard !ids.isEmpty else {
            return .failed([.error(parsed.location(ofKey: "evidence"), "copse.yml declares no conferences to collect evidence for",
                hint: "add 'conferences:' to copse.yml, each with an id, a name and a date")])
        }
        if let written = evidence.conference {
            guard ids.contains(written) else {
                return .failed([.error(parsed.location(ofKey: "evidence.conference"), "there is no conference '\(written)' in copse.yml",
                    hint: config.unknownConferenceHint(written))])
            }
            return Checked(written)
        }
        guard let date else {
            return .failed([.error(parsed.location(ofKey: "evidence"), "this evidence names no conference and the page has no date",
                hint: "add 'conference: \(ids.last!)' under 'evidence:', or a 'date:' to the page")])
        }
        guard let found = windows.conference(for: date) else {
            return .failed([.error(parsed.location(ofKey: "evidence"), "no conference collects evidence dated \(date.iso)",
                hint: "add 'conference: <id>' under 'evidence:' (conferences: \(ids.joined(separator: ", "))), or add the next conference to copse.yml")])
        }
        return Checked(found)
    }
}

package extension Config {
    /// The hint for a conference id that `copse.yml` does not declare.
    func unknownConferenceHint(_ id: String) -> String {
        let ids = conferences.map(\.id)
        return ids.isEmpty ? "add 'conferences:' to copse.yml, each with an id, a name and a date"
            : Suggestion.didYouMean(id, in: ids) + "the conferences are: \(ids.joined(separator: ", "))"
    }
}

/// Which conference collects evidence from which days: each from its `starts` (by default the
/// day after the conference before it; the first has no start) to its own date, inclusive.
struct ConferenceWindows: Sendable {
    private var windows: [(id: String, start: Day?, end: Day)] = []

    init(_ conferences: [Config.Conference]) {
        var previous: Day?
        for conference in conferences.sorted(by: { $0.date < $1.date }) {
            windows.append((conference.id, conference.starts ?? previous?.adding(days: 1), conference.date))
            previous = conference.date
        }
    }

    /// The first day `id` collects, or nil when it collects everything up to its date.
    func starts(of id: String) -> Day? {
        windows.first { $0.id == id }?.start
    }

    func conference(for day: Day) -> String? {
        windows.first { window in (window.start.map { $0 <= day } ?? true) && day <= window.end }?.id
    }
}
