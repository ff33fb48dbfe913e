extension HubFiles {
    static func readme(title: String) -> String {
        """
        # \(title)

        This repository is the website of the hub: every page is a Markdown file under
        `content/`, and [copse](\(CopseSource.pinned.repository.replacingOccurrences(of: ".git", with: ""))) turns them into
        the site. You need no programming to keep it: edit the files, commit, push.

        ## Add a community

        ```sh
        copse new community leeds-primary --title "Leeds Primary Computing" --region "Leeds"
        ```

        This writes `content/communities/leeds-primary/`: `community.md` (the profile: fill in
        region, leaders, when you meet and your purpose in one line), `charter.md`, `norms.md`
        and one file for each part of the planning template (purpose, membership, leadership,
        plan, results, practice). Each file holds questions to answer. The planning parts start
        with `draft: true`, which keeps them off the site: when you have written one, delete that
        line and it is published. Until then the community's page lists it as "not written yet".

        ## Add a meeting note

        ```sh
        copse new meeting leeds-primary --date 2027-01-14 --title "Spring planning"
        ```

        This writes `content/communities/leeds-primary/meetings/2027-01-14-spring-planning.md`
        from the community's own template, `meetings/_template.md` (files whose name starts with
        `_` are never published: edit the template to change every new note). Fill in the time,
        place, who came, the agenda and the actions. Without `--date` the note is dated today.

        ## Mark evidence for the annual conference

        When a meeting or a resource shows that your community achieved its purpose, add an
        `evidence:` entry to the top of that file, between the `---` lines:

        ```yaml
        evidence:
          summary: Four members taught a half-term of pair programming; quieter pupils spoke up more.
          principles: [collaborative, inclusive]
        ```

        The principles are those listed in `copse.yml`. The site's "Evidence" pages collect every
        entry for the conference, and the "Health" page shows which communities have none yet.

        ## Preview

        ```sh
        copse build      # then open output/index.html in a browser
        copse check      # only look for problems (broken links, mistyped settings)
        ```

        Every problem is reported with the file, the line and how to fix it; while there is one,
        nothing is published and the site stays as it was.

        ## Publish

        Push this repository to GitHub or GitLab: the CI file for each is already here.

        - **GitHub**: in the repository's *Settings > Pages*, set *Source* to *GitHub Actions*.
          `.github/workflows/publish.yml` then publishes the site on every push to the default
          branch, and runs `copse check --format github` on every pull request, which marks each
          problem on its line.
        - **GitLab**: `.gitlab-ci.yml` publishes the site to GitLab Pages on every push to the
          default branch (the `pages` job), and runs `copse check` on every merge request.

        Both build copse itself the first time (a few minutes) and keep it for later runs. The
        version they build is `COPSE_VERSION` at the top of each file: change it to upgrade.
        Then set `base_url:` in `copse.yml` to the address the site is published at.

        ## Getting copse on your own computer

        Ask whoever set up the hub for the `copse` program, or build it from its source with
        `./dev install` (it needs Swift 6 and the `libcmark-gfm` libraries; see copse's README).

        """
    }
}
