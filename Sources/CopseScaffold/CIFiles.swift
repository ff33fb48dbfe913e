/// The CI files `copse init` writes: they get copse by building a pinned version from source
/// (cached between runs), check every pull or merge request, and publish the default branch.
enum CIFiles {
    static let githubPath = ".github/workflows/publish.yml"
    static let gitlabPath = ".gitlab-ci.yml"

    /// The packages copse needs to build and run, besides Swift.
    static let packages = "libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config"

    /// Shell lines that put copse in .copse-bin/ unless the cache already holds it.
    static func install(indent: String) -> String {
        [
            "if [ ! -x .copse-bin/copse ]; then",
            "  git clone --depth 1 --branch \"$COPSE_VERSION\" \"$COPSE_REPOSITORY\" /tmp/copse-source",
            "  swift build --package-path /tmp/copse-source -c release --static-swift-stdlib --product copse",
            "  mkdir -p .copse-bin",
            "  cp \"$(swift build --package-path /tmp/copse-source -c release --show-bin-path)/copse\" .copse-bin/",
            "fi",
            ".copse-bin/copse --help > /dev/null",
        ].map { indent + $0 }.joined(separator: "\n")
    }

    static func github(_ source: CopseSource) -> String {
        """
        # Publishes the hub to GitHub Pages on every push to the default branch, and checks every
        # pull request (problems show on the lines of the changed files).
        # Once, in the repository's Settings > Pages, set "Source" to "GitHub Actions".
        name: Publish the hub

        on:
          push:
          pull_request:
          workflow_dispatch:

        env:
          # The copse this hub is built with: a tag, branch or commit of its repository.
          # To upgrade copse, change COPSE_VERSION and push.
          COPSE_VERSION: \(source.version)
          COPSE_REPOSITORY: \(source.repository)

        permissions:
          contents: read

        concurrency:
          group: pages-${{ github.ref }}
          cancel-in-progress: true

        jobs:
          build:
            runs-on: ubuntu-latest
            container: \(source.swiftImage)
            steps:
              - name: Install the libraries copse needs
                run: apt-get update -qq && apt-get install -y -qq \(packages) git
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0 # the whole history, for each page's "last changed" date
              - name: Let git read the checkout (it belongs to another user in the container)
                run: git config --global --add safe.directory "$GITHUB_WORKSPACE"
              - name: Reuse copse from an earlier run
                uses: actions/cache@v4
                with:
                  path: .copse-bin
                  key: copse-${{ env.COPSE_VERSION }}-${{ runner.os }}-${{ runner.arch }}
              - name: Build copse (only when the cache does not have it)
                run: |
        \(install(indent: "            "))
              - name: Check the hub
                if: github.event_name == 'pull_request'
                run: .copse-bin/copse check --format github
              - name: Build the site
                if: github.event_name != 'pull_request'
                # A fresh checkout has no build cache to use; keeping one would only cost time.
                run: .copse-bin/copse build --no-cache
              - uses: actions/configure-pages@v5
                if: github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch
              - uses: actions/upload-pages-artifact@v3
                if: github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch
                with:
                  path: output

          deploy:
            needs: build
            if: github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """
    }

    static func gitlab(_ source: CopseSource) -> String {
        """
        # Publishes the hub to GitLab Pages on every push to the default branch, and checks every
        # merge request.
        image: \(source.swiftImage)

        variables:
          # The copse this hub is built with: a tag, branch or commit of its repository.
          # To upgrade copse, change COPSE_VERSION and push.
          COPSE_VERSION: \(source.version)
          COPSE_REPOSITORY: \(source.repository)
          GIT_DEPTH: "0" # the whole history, for each page's "last changed" date

        cache:
          key: copse-$COPSE_VERSION
          paths:
            - .copse-bin/

        before_script:
          - apt-get update -qq && apt-get install -y -qq \(packages) git
          - |
        \(install(indent: "    "))

        check:
          stage: test
          script:
            - .copse-bin/copse check
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"

        pages:
          stage: deploy
          script:
            - .copse-bin/copse build --no-cache --output public  # a fresh clone has no build cache to use
          artifacts:
            paths:
              - public
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

        """
    }
}
