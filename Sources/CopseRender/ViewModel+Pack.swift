import CopseCore
import CopseTemplate

/// `evidence/<id>/pack/index.html`: every evidence item of a conference in full, on one page
/// made for printing: a cover, the contents, then one section per community.
extension ViewModel {
    func evidencePack(_ id: String) -> PackContext {
        let conference = self.conference(id)
        let path = Self.packPath(conference.conference.id)
        let root = Self.root(for: path)
        let title = "Evidence pack: \(conference.conference.name)"
        let layout = layout(outputPath: path, page: Self.generatedPage(title: title, kind: "pack", kindLabel: "Evidence pack"),
                            breadcrumbs: [("Home", "index.html"), ("Evidence", Self.evidenceIndexPath),
                                          (conference.conference.name, Self.evidencePath(conference.conference.id))],
                            current: Self.evidenceIndexPath)
        let groups = conference.groups.filter { !$0.items.isEmpty }
        let sections = groups.enumerated().map { number, group in packSection(group, number: number + 1, root: root) }
        let numbers = Dictionary(uniqueKeysWithValues: sections.map { ($0.anchor, $0.number) })
        let pack = PackInfo(
            summary: conferenceSummary(conference, root: root),
            sections: sections,
            principleTotals: principleTotals(conference),
            rows: matrixRows(conference).map { PackSummaryRow(row: $0, section: numbers[$0.anchor]) },
            valueStages: ValueStage.allCases.map(ValueStageInfo.init),
            missing: conference.missing.compactMap { self.community($0) }.map { TitleItem(title: $0.title) },
            hubTitle: site.config.title, generated: site.today, principles: site.config.principles.map(NameItem.init))
        return PackContext(layout: layout, pack: pack)
    }
}

private extension ViewModel {
    func packSection(_ group: ConferenceEvidence.Group, number: Int, root: String) -> PackSection {
        let community = self.community(group.community)
        let profile = community?.profile.map { site.pages[$0].parsed.frontMatter }
        let items = group.items.enumerated().map { position, item -> PackItem in
            var info = evidenceItem(item, root: root)
            info.anchor = "item-\(number)-\(position + 1)"
            let page = site.pages[item.page]
            let prefix = "item-\(number)-\(position + 1)-"
            let path = EvidenceRecord.address(of: page.outputPath)
            let model = self
            // Keyed by what it is made from: the pack's render key then makes none of the HTML.
            let content = DeferredHTML(key: contentKey(page, root: root) + [prefix]) {
                HTMLEmbedding.embed(model.contentHTML(model.site.pages[item.page], root: root), idPrefix: prefix, headingShift: 2)
            }
            return PackItem(item: info, number: "\(number).\(position + 1)", content: content,
                            hasContent: hasText(page),
                            address: EvidenceRecord.url(of: path, baseURL: site.config.baseURL) ?? path)
        }
        return PackSection(number: number, title: groupTitle(group), anchor: groupAnchor(group), items: items,
                           purpose: profile?.purpose, region: profile?.region, leaders: (profile?.leaders ?? []).map(NameItem.init))
    }
}
