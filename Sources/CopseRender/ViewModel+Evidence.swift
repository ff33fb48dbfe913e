import CopseCore

/// The evidence index (`evidence/`) and one page per conference (`evidence/<id>/`).
extension ViewModel {
    static let evidenceIndexPath = "evidence/index.html"
    static func evidencePath(_ id: String) -> String { "evidence/\(id)/index.html" }
    static func packPath(_ id: String) -> String { "evidence/\(id)/pack/index.html" }
    static func exportPath(_ id: String, _ format: EvidenceExport.Format) -> String { "evidence/\(id)/evidence.\(format.rawValue)" }

    /// `evidence/<id>/evidence.csv` or `.json`.
    func export(_ id: String, _ format: EvidenceExport.Format) -> String {
        let conference = self.conference(id)
        return format == .csv ? EvidenceExport.csv(conference, site: site) : EvidenceExport.json(conference, site: site)
    }

    /// `evidence/index.html`: every conference, newest first, with its counts.
    func evidenceIndex() -> EvidenceIndexContext {
        let path = Self.evidenceIndexPath
        let root = Self.root(for: path)
        let layout = layout(outputPath: path, page: Self.generatedPage(title: "Conference evidence", kind: "evidence", kindLabel: "Evidence"),
                            breadcrumbs: [("Home", "index.html")], current: path)
        return EvidenceIndexContext(layout: layout, evidence: EvidenceIndexInfo(
            conferences: evidence.conferences.reversed().map { conferenceSummary($0, root: root) },
            principles: site.config.principles.map(NameItem.init), healthURL: root + Self.healthPath,
            valueStages: ValueStage.allCases.map(ValueStageInfo.init)))
    }

    /// `evidence/<id>/index.html`: the matrix, the items by community and by principle, the gaps.
    func conferencePage(_ id: String) -> ConferenceContext {
        let conference = self.conference(id)
        let path = Self.evidencePath(conference.conference.id)
        let root = Self.root(for: path)
        let title = "Evidence for \(conference.conference.name)"
        let layout = layout(outputPath: path, page: Self.generatedPage(title: title, kind: "evidence", kindLabel: "Evidence"),
                            breadcrumbs: [("Home", "index.html"), ("Evidence", Self.evidenceIndexPath)], current: Self.evidenceIndexPath)
        let groups = conference.groups.filter { $0.community != nil || !$0.items.isEmpty }
        let page = ConferencePage(
            summary: conferenceSummary(conference, root: root),
            principles: principleTotals(conference),
            rows: matrixRows(conference),
            total: conference.items.count,
            groups: groups.map { group in
                EvidenceGroup(title: groupTitle(group), anchor: groupAnchor(group), items: group.items.map { item in
                                  var info = evidenceItem(item, root: root)
                                  info.anchor = entryAnchor(item)
                                  return info
                              },
                              url: self.community(group.community).map { root + $0.outputPath })
            },
            byPrinciple: byPrinciple(conference, root: root),
            missing: conference.missing.compactMap { self.community($0) }.map { TitleLink(title: $0.title, url: root + $0.outputPath) })
        return ConferenceContext(layout: layout, conference: page)
    }

    /// Each of the hub's principles with how many of the conference's items show it.
    func principleTotals(_ conference: ConferenceEvidence) -> [PrincipleTotal] {
        site.config.principles.map { principle in
            PrincipleTotal(name: principle, anchor: "principle-" + CrossLinks.tagSlug(principle),
                           total: conference.items.filter { $0.principles.contains(principle) }.count)
        }
    }

    /// The matrix of communities x principles: every community (hub-wide evidence first, when
    /// there is any), each cell linking to the community's first item under that principle.
    func matrixRows(_ conference: ConferenceEvidence) -> [MatrixRow] {
        let principles = site.config.principles
        return conference.groups.filter { $0.community != nil || !$0.items.isEmpty }.map { group in
            let id = group.community ?? ""
            return MatrixRow(title: groupTitle(group), anchor: groupAnchor(group), total: group.items.count,
                             cells: principles.map { principle in
                                 MatrixCell(count: conference.count(group, principle: principle), principle: principle,
                                            url: "#" + pairAnchor(principle, id))
                             })
        }
    }

    /// Name, date, window, counts and the addresses of a conference's pages and exports.
    func conferenceSummary(_ evidence: ConferenceEvidence, root: String) -> ConferenceSummary {
        let conference = evidence.conference
        let communities = evidence.groups.filter { $0.community != nil }
        let window = evidence.starts.map { "\($0.long) to \(conference.date.long)" } ?? "everything up to \(conference.date.long)"
        return ConferenceSummary(id: conference.id, name: conference.name, date: conference.date, window: window,
                                 current: conference.id == self.evidence.current?.conference.id, root: root, itemCount: evidence.items.count,
                                 contributing: communities.filter { !$0.items.isEmpty }.count, communities: communities.count,
                                 missingCount: evidence.missing.count, past: conference.date < site.today)
    }

    /// One item as the evidence pages list it. `anchor` is set by the caller where a matrix cell points.
    func evidenceItem(_ item: EvidenceItem, root: String) -> EvidenceItemInfo {
        EvidenceItemInfo(summary: item.summary, title: site.pages[item.page].title, url: root + site.pages[item.page].outputPath,
                         date: item.date, value: item.value, principles: item.principles.map(NameItem.init), kind: item.kind,
                         purpose: item.purpose, community: self.community(item.community)?.title ?? "Hub-wide",
                         valueURL: item.value.map { root + Self.evidenceIndexPath + "#" + Self.valueAnchor($0) },
                         entryURL: root + Self.evidencePath(item.conference) + "#" + entryAnchor(item))
    }

    /// `item-3`: the id of an item's full entry on its conference page.
    func entryAnchor(_ item: EvidenceItem) -> String { "item-\((evidenceEntries[item.page]?.position ?? 0) + 1)" }

    /// `value-applied`: the id of a stage's entry in the key on the evidence index.
    static func valueAnchor(_ stage: ValueStage) -> String { "value-" + stage.rawValue }

    /// The evidence a page carries, for the note on its own page; nil when it carries none.
    func pageEvidence(_ index: PageID, root: String) -> PageEvidence? {
        guard let item = evidenceEntries[index]?.item, let conference = evidence.conference(item.conference) else { return nil }
        return PageEvidence(item: evidenceItem(item, root: root), conference: conferenceSummary(conference, root: root),
                            community: self.community(item.community)?.title)
    }

    /// A conference by id: one of ``HubEvidence/conferences``, which the render plan is made from.
    func conference(_ id: String) -> ConferenceEvidence {
        guard let conference = evidence.conference(id) else { preconditionFailure("conference '\(id)' is not in the hub's evidence") }
        return conference
    }

    /// A community by id, through the index rather than a search of every community.
    func community(_ id: String?) -> Community? {
        id.flatMap { communityIndex[$0] }.map { site.communities[$0] }
    }

    func groupTitle(_ group: ConferenceEvidence.Group) -> String { self.community(group.community)?.title ?? "Hub-wide" }

    func groupAnchor(_ group: ConferenceEvidence.Group) -> String { Self.communityAnchor(group.community ?? "hub") }

    static func communityAnchor(_ id: String) -> String { "community-" + id }

    /// A community's section of a conference page.
    func communityEvidenceURL(_ conference: String, community: String, root: String) -> String {
        root + Self.evidencePath(conference) + "#" + Self.communityAnchor(community)
    }
}

private extension ViewModel {
    /// Each principle's items, grouped by community; the first item of each community carries
    /// the anchor its matrix cell links to. Items with no principle come last.
    func byPrinciple(_ conference: ConferenceEvidence, root: String) -> [PrincipleSection] {
        var sections: [(name: String, anchor: String, principle: String?)] = site.config.principles.map { ($0, "principle-" + CrossLinks.tagSlug($0), $0) }
        if conference.items.contains(where: \.principles.isEmpty) { sections.append(("No principle given", "principle-none", nil)) }
        return sections.map { section in
            var items: [EvidenceItemInfo] = []
            for group in conference.groups {
                var first = true
                for item in group.items where section.principle.map(item.principles.contains) ?? item.principles.isEmpty {
                    var info = evidenceItem(item, root: root)
                    if first, let principle = section.principle { info.anchor = pairAnchor(principle, group.community ?? "") }
                    first = false
                    items.append(info)
                }
            }
            return PrincipleSection(name: section.name, anchor: section.anchor, items: items)
        }
    }

    func pairAnchor(_ principle: String, _ community: String) -> String {
        "principle-\(CrossLinks.tagSlug(principle))-\(community.isEmpty ? "hub" : community)"
    }
}
