import CopseCore

/// What the preview server is serving: whether a build of this session has succeeded yet, the
/// problems of the last build when it failed, and the name of the current build.
struct SiteState: Sendable {
    /// Names this server's builds apart from those of an earlier run, so that a page still open
    /// from before a restart reloads.
    let session: String
    /// Builds finished (good or not); 0 while the first build runs.
    var finished = 0
    /// A build of this session succeeded: the site folder holds a site to serve. (A folder left by
    /// an earlier run is never served: it may hold pages since made private, or drafts.)
    var hasSite = false
    /// The last build's diagnostics when it failed; empty after a good build.
    var problems: [Diagnostic] = []

    init(session: String) {
        self.session = session
    }

    /// The name of what is served now; pages carry it and reload when another is announced.
    var build: String { "\(session)-\(finished)" }

    var failed: Bool { !problems.isEmpty }
}
