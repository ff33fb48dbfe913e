import Foundation
import Testing
import Yams
@testable import CopseScaffold

/// The CI files `copse init` writes are valid YAML and run the commands the READMEs document.
@Suite struct CIFilesTests {
    static let source = CopseSource(repository: "https://git.example.org/copse.git", version: "v9.9.9", swiftImage: "swift:6.2-noble")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `run:` of a GitHub job's steps, joined.
    static func runs(_ job: [String: Any]) -> [String] {
        ((job["steps"] as? [[String: Any]]) ?? []).compactMap { $0["run"] as? String }
    }

    static func uses(_ job: [String: Any]) -> [String] {
        ((job["steps"] as? [[String: Any]]) ?? []).compactMap { $0["uses"] as? String }
    }

    @Test func theGitHubWorkflowChecksPullRequestsAndPublishesTheDefaultBranch() throws {
        let workflow = try #require(try Yams.load(yaml: CIFiles.github(Self.source)) as? [String: Any])
        let env = try #require(workflow["env"] as? [String: Any])
        #expect(env["COPSE_VERSION"] as? String == "v9.9.9")
        #expect(env["COPSE_REPOSITORY"] as? String == "https://git.example.org/copse.git")
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        #expect(build["container"] as? String == "swift:6.2-noble")
        let steps = try #require(build["steps"] as? [[String: Any]])
        let check = try #require(steps.first { ($0["run"] as? String)?.contains("copse check") == true })
        #expect(check["run"] as? String == ".copse-bin/copse check --format github")
        #expect(check["if"] as? String == "github.event_name == 'pull_request'")
        #expect(Self.runs(build).contains(".copse-bin/copse build --no-cache"))
        #expect(Self.runs(build).contains { $0.contains("apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev") })
        let install = try #require(Self.runs(build).first { $0.contains("git clone") })
        #expect(install.contains("git clone --depth 1 --branch \"$COPSE_VERSION\" \"$COPSE_REPOSITORY\""))
        #expect(install.contains("swift build --package-path /tmp/copse-source -c release --static-swift-stdlib --product copse"))
        #expect(Self.uses(build) == ["actions/checkout@v4", "actions/cache@v4", "actions/configure-pages@v5", "actions/upload-pages-artifact@v3"])
        let deploy = try #require(jobs["deploy"] as? [String: Any])
        #expect(Self.uses(deploy) == ["actions/deploy-pages@v4"])
        #expect(deploy["needs"] as? String == "build")
        #expect((deploy["permissions"] as? [String: String]) == ["pages": "write", "id-token": "write"])
    }

    @Test func theGitLabPipelineChecksMergeRequestsAndPublishesPages() throws {
        let pipeline = try #require(try Yams.load(yaml: CIFiles.gitlab(Self.source)) as? [String: Any])
        #expect(pipeline["image"] as? String == "swift:6.2-noble")
        let variables = try #require(pipeline["variables"] as? [String: Any])
        #expect(variables["COPSE_VERSION"] as? String == "v9.9.9")
        let pages = try #require(pipeline["pages"] as? [String: Any])
        #expect(pages["script"] as? [String] == [".copse-bin/copse build --no-cache --output public"])
        #expect((pages["artifacts"] as? [String: [String]]) == ["paths": ["public"]])
        #expect((pages["rules"] as? [[String: String]]) == [["if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]])
        let check = try #require(pipeline["check"] as? [String: Any])
        #expect(check["script"] as? [String] == [".copse-bin/copse check"])
        #expect((check["rules"] as? [[String: String]]) == [["if": "$CI_PIPELINE_SOURCE == \"merge_request_event\""]])
        let setup = try #require(pipeline["before_script"] as? [String])
        #expect(setup.joined().contains("--static-swift-stdlib --product copse"))
    }

    @Test func theReadmesDocumentTheCommandsTheCIRuns() throws {
        let hubReadme = HubFiles.readme(title: "Hub")
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for command in ["copse check --format github", "copse build", "copse check"] {
            #expect(hubReadme.contains(command), "the hub's README does not mention \(command)")
            #expect(readme.contains(command), "README.md does not mention \(command)")
        }
        #expect(readme.contains("copse build --no-cache --output public"))
        #expect(readme.contains("swift build -c release --static-swift-stdlib --product copse"))
    }

    @Test func initWritesTheCIFilesWithThePinnedSource() throws {
        let (root, _) = try Hubs.initialised()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Hubs.read(root, ".github/workflows/publish.yml") == CIFiles.github(.pinned))
        #expect(Hubs.read(root, ".gitlab-ci.yml") == CIFiles.gitlab(.pinned))
    }
}
