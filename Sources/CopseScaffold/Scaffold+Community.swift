import CopseCore
import Foundation

package extension Scaffold {
    /// `copse new community SLUG`: the community's profile, its charter and the seven parts of
    /// the planning template (drafts, with questions to answer), and its meeting-note template.
    func newCommunity(_ slug: String, title: String? = nil, region: String? = nil) -> Result<ScaffoldReport, ScaffoldError> {
        if let problem = requireHub() { return .failure(problem) }
        if let problem = Self.checkSlug(slug, of: "community") { return .failure(problem) }
        let folder = "content/communities/\(slug)"
        if FileManager.default.fileExists(atPath: url(folder).path) {
            return .failure(ScaffoldError("the community '\(slug)' exists already:", paths: [shown(folder + "/")],
                hint: "choose another name, or add to its files in that folder"))
        }
        let title = title.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } ?? Slug.title(slug)
        var files = [ScaffoldFile(path: "\(folder)/community.md", text: CommunityFiles.profile(title: title, region: region))]
        for part in [PlanningTemplate.charter] + PlanningTemplate.parts {
            files.append(ScaffoldFile(path: "\(folder)/\(part.file).md", text: PlanningTemplate.text(of: part)))
        }
        files.append(ScaffoldFile(path: "\(folder)/meetings/\(CommunityFiles.meetingTemplateName)", text: CommunityFiles.meetingTemplate))
        return write(files, force: false,
                     next: "fill in the blanks of \(shown(folder))/community.md, then answer the questions in the charter, "
                        + "the norms and the planning parts; each is a draft (not published) until you delete its 'draft: true' line. "
                        + "After a meeting, run 'copse new meeting \(slug)'.",
                     forceHint: "choose another name")
    }

    /// An error unless `slug` is a valid name for a `what` (community, resource).
    static func checkSlug(_ slug: String, of what: String) -> ScaffoldError? {
        guard !Slug.isValid(slug) else { return nil }
        let better = Slug.from(slug)
        return ScaffoldError("'\(slug)' cannot name a \(what): use only lower-case letters, digits and single hyphens",
            hint: better.isEmpty ? "for example 'leeds-primary'" : "for example '\(better)'")
    }
}

/// The text of a community's profile and meeting-note template.
enum CommunityFiles {
    static let meetingTemplateName = "_template.md"

    static func profile(title: String, region: String?) -> String {
        let region = region.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        return """
            ---
            title: \(Slug.yamlQuoted(title))
            # Fill in the blanks below (after the colon); a blank one is simply not shown.
            region: \(region.map(Slug.yamlQuoted) ?? "            # where the members are, such as \"Leeds and Bradford\"")
            leaders: []         # the leaders' names, such as [Ann Archer, Bob Baker]
            meets:              # when and where, such as "Once a half-term, Thursdays 16:00, Park School"
            purpose:            # why you meet, in one line
            ---

            Welcome to \(title)! Say here who the community is for, what happens at its meetings
            and how to join. This text is the community's home page; the lists of documents,
            meetings and resources below it are made by copse.

            """
    }

    /// The starting point of every meeting note of the community (`copse new meeting`).
    /// `{{title}}` and `{{date}}` are filled in; files starting with `_` are never published.
    static let meetingTemplate = """
        ---
        title: {{title}}
        date: {{date}}
        time:           # such as "16:00-17:30"
        location:       # where you met, or "online"
        attendees:      # how many came (12), or who: [Ann, Bob]
        ---

        ## Agenda

        1. Welcome and introductions
        2. The main topic
        3. Actions and the next meeting

        ## Notes

        ## Actions

        - [ ] Who does what, by when

        """
}
