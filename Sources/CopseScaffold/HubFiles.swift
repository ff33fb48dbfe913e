import CopseCore

/// The text of the files `copse init` writes, except the CI files (``CIFiles``).
enum HubFiles {
    static func config(title: String, conference: Day) -> String {
        """
        # The settings of this hub. Lines starting with # are comments: copse ignores them.
        # Every setting is explained in copse's README, in the section "copse.yml".

        # The hub's name, shown at the top of every page.
        title: \(Slug.yamlQuoted(title))

        # One line about the hub: the description of pages that have no summary of their own.
        description: Teachers learning together in local communities of practice

        # The address the site is published at. Remove the # and put in the real address once
        # you know it (on GitHub Pages: https://YOUR-ACCOUNT.github.io/YOUR-REPOSITORY/).
        # With it, copse also writes news feeds, calendars and a sitemap.
        # base_url: https://YOUR-ACCOUNT.github.io/YOUR-REPOSITORY/

        # The principles the hub's communities share. Evidence is tagged with them.
        principles: [inclusive, collaborative, independent, responsible]

        # The annual conference each community brings evidence to. Add one for every year.
        conferences:
          - id: "\(conference.year)"
            name: Annual Conference \(conference.year)
            date: \(conference.iso)

        """
    }

    static func home(title: String) -> String {
        """
        ---
        title: \(Slug.yamlQuoted(title))
        summary: A network of local communities of practice.
        ---

        Welcome! This paragraph introduces the hub's home page: edit `content/index.md` to say, in
        a few lines, who the hub is for. copse lists the communities and their upcoming meetings
        right after it; the text from the first heading on comes after those lists.

        ## What to do next

        1. Add a community: `copse new community leeds-primary --title "Leeds Primary Computing"`.
           It writes the community's profile, its charter and norms and the parts of the planning
           template, each with questions to answer.
        2. Add a meeting note after each meeting: `copse new meeting leeds-primary`.
        3. Share a resource with every community: `copse new resource "Pair programming guide"`,
           or see [how to share a resource](resources/sharing-a-resource.md).
        4. Preview the site with `copse build`, then open `output/index.html`.
        5. Commit and push: the site is published for you (see `README.md` in the hub's folder).

        """
    }

    static let exampleResource = """
        ---
        title: Sharing a resource
        summary: How to add a lesson idea, guide or link that every community can reuse.
        kind: guide
        tags: [getting started]
        ---

        Everything under `content/resources/` is shared by the whole hub, and every resource
        appears in the resource commons (the "Resources" page), with the communities that use it.

        ## Adding one

        Run `copse new resource "Its title"` in the hub's folder (or
        `copse new resource COMMUNITY "Its title"` for a resource of one community), fill in the
        file it names, and remove the line `draft: true` when it is ready to be published.

        ## Reusing one

        Link to a resource from any page of your community, for example `[[sharing-a-resource]]`.
        The resource then lists your community among those that use it, so others can find it.

        """

    static let gitignore = """
        # Made by copse: never commit them.
        output/
        public/
        .copse-cache/
        # copse as built by the CI (see .github/workflows/publish.yml and .gitlab-ci.yml).
        .copse-bin/

        """
}
