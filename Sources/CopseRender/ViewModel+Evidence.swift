import CopseCore

/// The evidence index (`evidence/`) and one page per conference (`evidence/<id>/`).
extension ViewModel {
    static let evidenceIndexPath = "evidence/index.html"
    static func evidencePath(_ id: String) -> String { "evidence/\(id)/index.html" }
    static func packPath(_ id: String) -> String { "evidence/\(id)/pack/index.html" }
    static func exportPath(_ id: String, _ format: EvidenceExport.Format) -> String { "evidence/\(id)/evidence.\(format.rawValue)" }

    /// `evidence/<id>/evidence.csv` or `.json`.
    func export(_ position: Int, _ format: EvidenceExport.Format) -> String {
        let conference = evidence.conferences[position]
        return format == .csv ? EvidenceExport.csv(conference, site: site) : EvidenceExport.json(conference, site: site)
    }

    /// `evidence/index.html`: every conference, newest first, with its counts.
    func evidenceIndex() -> [String: Any] {
        let path = Self.evidenceIndexPath
        let root = Self.root(for: path)
        var context = base(outputPath: path, page: Self.generatedPage(title: "Conference evidence", kind: "evidence", kindLabel: "Evidence"),
                           breadcrumbs: [("Home", "index.html")], current: path)
        let conferences = evidence.conferences.indices.reversed().map { conferenceSummary($0, root: root) }
        context["evidence"] = [
            "conferences": conferences, "hasConferences": !conferences.isEmpty,
            "principles": site.config.principles.map { ["name": $0] }, "hasPrinciples": !site.config.principles.isEmpty,
            "healthURL": root + Self.healthPath,
        ] as [String: Any]
        return context
    }

    /// `evidence/<id>/index.html`: the matrix, the items by community and by principle, the gaps.
    func conferencePage(_ position: Int) -> [String: Any] {
        let conference = evidence.conferences[position]
        let path = Self.evidencePath(conference.conference.id)
        let root = Self.root(for: path)
        let title = "Evidence for \(conference.conference.name)"
        var context = base(outputPath: path, page: Self.generatedPage(title: title, kind: "evidence", kindLabel: "Evidence"),
                           breadcrumbs: [("Home", "index.html"), ("Evidence", Self.evidenceIndexPath)], current: Self.evidenceIndexPath)
        var dictionary = conferenceSummary(position, root: root)
        let principles = site.config.principles
        let groups = conference.groups.filter { $0.community != nil || !$0.items.isEmpty }
        dictionary["principles"] = principles.map { principle in
            ["name": principle, "anchor": "principle-" + CrossLinks.tagSlug(principle),
             "total": conference.items.filter { $0.principles.contains(principle) }.count] as [String: Any]
        }
        dictionary["hasPrinciples"] = !principles.isEmpty
        dictionary["rows"] = groups.map { group -> [String: Any] in
            let id = group.community ?? ""
            return ["title": groupTitle(group), "anchor": groupAnchor(group), "total": group.items.count, "gap": group.items.isEmpty,
                    "cells": principles.map { principle -> [String: Any] in
                        let count = conference.count(group, principle: principle)
                        return ["count": count, "hasCount": count > 0, "principle": principle,
                                "url": "#" + pairAnchor(principle, id)]
                    }]
        }
        dictionary["total"] = conference.items.count
        dictionary["groups"] = groups.map { group -> [String: Any] in
            let items = group.items.map { evidenceItem($0, root: root) }
            return ["title": groupTitle(group), "anchor": groupAnchor(group), "items": items, "hasItems": !items.isEmpty,
                    "countLabel": Self.counted(items.count, "item"),
                    "url": self.community(group.community).map { root + $0.outputPath } ?? false]
        }
        dictionary["byPrinciple"] = byPrinciple(conference, root: root)
        dictionary["missing"] = conference.missing.compactMap { self.community($0) }.map { ["title": $0.title, "url": root + $0.outputPath] }
        context["conference"] = dictionary
        return context
    }

    /// Name, date, window, counts and the addresses of a conference's pages and exports.
    func conferenceSummary(_ position: Int, root: String) -> [String: Any] {
        let evidence = self.evidence.conferences[position]
        let conference = evidence.conference
        let communities = evidence.groups.filter { $0.community != nil }
        let contributing = communities.filter { !$0.items.isEmpty }.count
        let window = evidence.starts.map { "\($0.long) to \(conference.date.long)" } ?? "everything up to \(conference.date.long)"
        return [
            "id": conference.id, "name": conference.name, "date": conference.date.long, "dateISO": conference.date.iso,
            "window": window, "current": position == self.evidence.currentIndex,
            "url": root + Self.evidencePath(conference.id), "packURL": root + Self.packPath(conference.id),
            "csvURL": root + Self.exportPath(conference.id, .csv), "jsonURL": root + Self.exportPath(conference.id, .json),
            "itemCount": evidence.items.count, "itemCountLabel": Self.counted(evidence.items.count, "item"),
            "contributorsLabel": "\(contributing) of " + Self.counted(communities.count, "community", plural: "communities"),
            "missingCount": evidence.missing.count, "hasMissing": !evidence.missing.isEmpty,
        ]
    }

    /// One item as the evidence pages list it. `anchor` is set by the caller where a matrix cell points.
    func evidenceItem(_ item: EvidenceItem, root: String) -> [String: Any] {
        let principles = item.principles.map { ["name": $0] }
        return [
            "summary": item.summary, "title": site.pages[item.page].title, "url": root + site.pages[item.page].outputPath,
            "date": item.date?.long ?? false, "dateISO": item.date?.iso ?? "", "hasDate": item.date != nil,
            "value": item.value?.label ?? false, "valueKey": item.value?.rawValue ?? "",
            "principles": principles, "hasPrinciples": !principles.isEmpty,
            "kind": item.kind ?? false, "purpose": item.purpose ?? false,
            "community": self.community(item.community)?.title ?? "Hub-wide", "anchor": false,
        ]
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
    func byPrinciple(_ conference: ConferenceEvidence, root: String) -> [[String: Any]] {
        var sections: [(name: String, anchor: String, principle: String?)] = site.config.principles.map { ($0, "principle-" + CrossLinks.tagSlug($0), $0) }
        if conference.items.contains(where: \.principles.isEmpty) { sections.append(("No principle given", "principle-none", nil)) }
        return sections.map { section in
            var items: [[String: Any]] = []
            for group in conference.groups {
                var first = true
                for item in group.items where section.principle.map(item.principles.contains) ?? item.principles.isEmpty {
                    var dictionary = evidenceItem(item, root: root)
                    if first, let principle = section.principle { dictionary["anchor"] = pairAnchor(principle, group.community ?? "") }
                    first = false
                    items.append(dictionary)
                }
            }
            return ["name": section.name, "anchor": section.anchor, "items": items, "hasItems": !items.isEmpty,
                    "countLabel": Self.counted(items.count, "item")]
        }
    }

    func pairAnchor(_ principle: String, _ community: String) -> String {
        "principle-\(CrossLinks.tagSlug(principle))-\(community.isEmpty ? "hub" : community)"
    }
}
