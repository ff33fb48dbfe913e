import CopseCore
import Foundation

package extension Scaffold {
    /// `copse init`: a new hub in `root` that builds at once: `copse.yml`, a home page, one
    /// shared resource, `.gitignore`, a README for the hub's leaders and CI for GitHub Pages and
    /// GitLab Pages.
    func initHub(title: String, force: Bool = false, source: CopseSource = .pinned) -> Result<ScaffoldReport, ScaffoldError> {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            return .failure(ScaffoldError("the hub needs a title", hint: "pass one with --title, such as --title \"Northern Computing Communities\""))
        }
        let files = [
            ScaffoldFile(path: "copse.yml", text: HubFiles.config(title: title, conference: Self.nextConference(after: today))),
            ScaffoldFile(path: "content/index.md", text: HubFiles.home(title: title)),
            ScaffoldFile(path: "content/resources/sharing-a-resource.md", text: HubFiles.exampleResource),
            ScaffoldFile(path: ".gitignore", text: HubFiles.gitignore),
            ScaffoldFile(path: "README.md", text: HubFiles.readme(title: title)),
            ScaffoldFile(path: CIFiles.githubPath, text: CIFiles.github(source)),
            ScaffoldFile(path: CIFiles.gitlabPath, text: CIFiles.gitlab(source)),
        ]
        let enter = shownRoot.isEmpty ? "" : "cd \(shownRoot.dropLast()), then "
        return write(files, force: force,
                     next: "\(enter)add your first community with 'copse new community SLUG --title \"Its name\"', "
                        + "preview the site with 'copse build' (open output/index.html), and read README.md to publish it.",
                     forceHint: "choose an empty folder, or run again with --force to overwrite these files")
    }

    /// The hub's first conference: the second Saturday of the next March after `today`.
    static func nextConference(after today: Day) -> Day {
        var year = today.year
        while true {
            let first = Day(year: year, month: 3, day: 1)!
            let saturday = first.adding(days: (5 - first.weekday + 7) % 7 + 7)
            if saturday > today { return saturday }
            year += 1
        }
    }
}
