import CopseCore

/// `evidence/<id>/pack/index.html`: every evidence item of a conference in full, on one page
/// made for printing: a cover, the contents, then one section per community.
extension ViewModel {
    func evidencePack(_ position: Int) -> [String: Any] {
        let conference = evidence.conferences[position]
        let path = Self.packPath(conference.conference.id)
        let root = Self.root(for: path)
        let title = "Evidence pack: \(conference.conference.name)"
        var context = base(outputPath: path, page: Self.generatedPage(title: title, kind: "pack", kindLabel: "Evidence pack"),
                           breadcrumbs: [("Home", "index.html"), ("Evidence", Self.evidenceIndexPath),
                                         (conference.conference.name, Self.evidencePath(conference.conference.id))],
                           current: Self.evidenceIndexPath)
        var pack = conferenceSummary(position, root: root)
        let groups = conference.groups.filter { !$0.items.isEmpty }
        pack["sections"] = groups.enumerated().map { number, group in
            packSection(group, number: number + 1, root: root)
        }
        pack["hasSections"] = !groups.isEmpty
        pack["contents"] = groups.enumerated().map { number, group -> [String: Any] in
            ["number": number + 1, "title": groupTitle(group), "anchor": groupAnchor(group),
             "countLabel": Self.counted(group.items.count, "item")]
        }
        pack["missing"] = conference.missing.compactMap { self.community($0) }.map { ["title": $0.title] }
        pack["hubTitle"] = site.config.title
        pack["generated"] = site.today.long
        pack["generatedISO"] = site.today.iso
        pack["principles"] = site.config.principles.map { ["name": $0] }
        pack["hasPrinciples"] = !site.config.principles.isEmpty
        context["pack"] = pack
        return context
    }
}

private extension ViewModel {
    func packSection(_ group: ConferenceEvidence.Group, number: Int, root: String) -> [String: Any] {
        let community = self.community(group.community)
        let profile = community?.profile.map { site.pages[$0].parsed.frontMatter }
        let items = group.items.enumerated().map { position, item -> [String: Any] in
            var dictionary = evidenceItem(item, root: root)
            let page = site.pages[item.page]
            let prefix = "item-\(number)-\(position + 1)-"
            let embedded = HTMLEmbedding.embed(contentHTML(page, root: root), idPrefix: prefix, headingShift: 2)
            dictionary["number"] = "\(number).\(position + 1)"
            dictionary["anchor"] = "item-\(number)-\(position + 1)"
            dictionary["content"] = embedded
            dictionary["hasContent"] = !embedded.isEmpty
            let path = EvidenceRecord.address(of: page.outputPath)
            dictionary["address"] = EvidenceRecord.url(of: path, baseURL: site.config.baseURL) ?? path
            return dictionary
        }
        var section: [String: Any] = [
            "number": number, "title": groupTitle(group), "anchor": groupAnchor(group), "items": items,
            "countLabel": Self.counted(items.count, "item"),
            "purpose": profile?.purpose ?? false, "region": profile?.region ?? false,
        ]
        let leaders = (profile?.leaders ?? []).map { ["name": $0] }
        section["leaders"] = leaders
        section["hasLeaders"] = !leaders.isEmpty
        return section
    }
}
