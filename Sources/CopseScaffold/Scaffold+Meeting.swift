import CopseCore
import Foundation

package extension Scaffold {
    /// `copse new meeting COMMUNITY`: a dated meeting note, `meetings/YYYY-MM-DD-<slug>.md`, made
    /// from the community's `meetings/_template.md`, or from the built-in template when it has none.
    /// `date` is `YYYY-MM-DD`; without it, today.
    func newMeeting(community: String, date: String? = nil, title: String? = nil) -> Result<ScaffoldReport, ScaffoldError> {
        if let problem = requireHub() { return .failure(problem) }
        // The community and the date are both checked, so that one run names every problem.
        var problems = findCommunity(community).map { [$0] } ?? []
        var day = today
        if let date {
            if let parsed = Self.day(date) {
                day = parsed
            } else {
                problems.append(ScaffoldError("'\(date)' is not a date: write it as YYYY-MM-DD, a day that exists",
                                              hint: "for example --date \(today.iso)"))
            }
        }
        if let problem = ScaffoldError.all(problems) { return .failure(problem) }
        let title = title.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } ?? "Meeting"
        let slug = Slug.from(title).isEmpty ? "meeting" : Slug.from(title)
        let folder = "content/communities/\(community)/meetings"
        let templatePath = "\(folder)/\(CommunityFiles.meetingTemplateName)"
        let template = FileManager.default.contents(atPath: url(templatePath).path).map { String(decoding: $0, as: UTF8.self) }
            ?? CommunityFiles.meetingTemplate
        let text = template.replacingOccurrences(of: "{{title}}", with: Slug.yamlQuoted(title))
            .replacingOccurrences(of: "{{date}}", with: day.iso)
        let path = "\(folder)/\(day.iso)-\(slug).md"
        return write([ScaffoldFile(path: path, text: text)], force: false,
                     next: "write the notes in \(shown(path)), then run 'copse build' to see them on the community's page.",
                     forceHint: "there is already a note of that title on that day: edit it, or give this one another --title")
    }

    /// The community folders of the hub, sorted.
    func communities() -> [String] {
        let folder = url("content/communities")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && !name.hasPrefix("_")
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// An error unless the hub has the community `slug`, suggesting the nearest one.
    func findCommunity(_ slug: String) -> ScaffoldError? {
        let known = communities()
        guard !known.contains(slug) else { return nil }
        let list = known.isEmpty ? "the hub has no communities yet" : "the communities are: \(known.joined(separator: ", "))"
        return ScaffoldError("there is no community '\(slug)' (no folder \(shown("content/communities/\(slug)/")))",
            hint: Suggestion.didYouMean(slug, in: known) + list + "; to start one, run 'copse new community \(slug)'")
    }

    /// `YYYY-MM-DD`, a day that exists.
    static func day(_ text: String) -> Day? {
        text.utf8.count == 10 ? Day(iso: text) : nil
    }
}
