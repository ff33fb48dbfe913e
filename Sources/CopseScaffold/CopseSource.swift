/// Where the CI files that `copse init` writes get copse from: a git repository and the tag
/// (or branch, or commit) to build, pinned so that every build of the hub uses the same copse.
package struct CopseSource: Sendable, Equatable {
    package var repository: String
    package var version: String
    /// The Swift toolchain image the CI builds copse in.
    package var swiftImage: String

    package init(repository: String, version: String, swiftImage: String = CopseSource.pinned.swiftImage) {
        self.repository = repository
        self.version = version
        self.swiftImage = swiftImage
    }

    /// The release new hubs are pinned to. Change these when copse is released; a hub changes
    /// the copy in its own CI files to upgrade.
    package static let pinned = CopseSource(repository: "https://github.com/copse-hub/copse.git", version: "v0.1.0",
                                           swiftImage: "swift:6.2-noble")
}
