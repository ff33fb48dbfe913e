import CopseCore
import Foundation

package extension Scaffold {
    /// `copse new resource [COMMUNITY] TITLE`: a resource of one community
    /// (`content/communities/C/resources/`) or, without a community, of the whole hub
    /// (`content/resources/`). It is a draft until its author removes `draft: true`.
    func newResource(community: String? = nil, title: String) -> Result<ScaffoldReport, ScaffoldError> {
        if let problem = requireHub() { return .failure(problem) }
        if let community, let problem = findCommunity(community) { return .failure(problem) }
        let title = title.trimmingCharacters(in: .whitespaces)
        let slug = Slug.from(title)
        guard !slug.isEmpty else {
            return .failure(ScaffoldError("the resource needs a title with at least one letter or digit",
                                          hint: "for example: copse new resource \"Pair programming guide\""))
        }
        let folder = community.map { "content/communities/\($0)/resources" } ?? "content/resources"
        let path = "\(folder)/\(slug).md"
        let text = """
            ---
            title: \(Slug.yamlQuoted(title))
            summary:        # one line: what it is and who it is for
            kind:           # what sort of resource: guide, lesson plan, checklist, link...
            tags: []        # such as [python, pair programming]
            draft: true # delete this line once the resource is written: until then it is not published
            ---

            Describe the resource: what it is for, how to use it, and what went well when you used it.
            To share slides or worksheets, put the files next to this one and link to them, as in
            `[the slides](\(slug)-slides.pdf)`.

            """
        return write([ScaffoldFile(path: path, text: text)], force: false,
                     next: "write the resource in \(shown(path)) and delete its 'draft: true' line to publish it "
                        + "(preview it before then with 'copse build --drafts').",
                     forceHint: "a resource of that name exists already: edit it, or choose another title")
    }
}
