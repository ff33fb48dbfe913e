import Foundation

/// The staging folder of one write: named, and claimed from the spare site, before the write;
/// given up when the build fails first.
extension OutputWriter {
    /// A staging folder named for one build: beside the output, holding the spare when it was
    /// claimed (see ``SpareSite/claim(as:)``), else not made yet. Listed in ``ActiveStaging``
    /// until ``write(paths:placements:folders:spare:staging:verify:swapped:)`` is done with it
    /// or ``abandon(_:spare:)`` gives it up.
    struct Staging: Sendable {
        let folder: URL
        /// The process id and a random part: what tells later builds whether this one is alive.
        let unique: String
        let recycled: Recycled?
    }

    /// Names this build's staging folder and, with a spare, claims the spare as it: the first
    /// step of a write, which a build may take on a thread of its own while it renders.
    func prepare(spare: SpareSite?) throws(WriteFailure) -> Staging {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteFailure(action: "create the folder", path: parent.path, error: error)
        }
        removeAbandonedStaging(in: parent, name: name)
        // The process id tells later builds whether this build is still alive; the random part
        // keeps concurrent builds within one process apart.
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).staging-\(unique)")
        ActiveStaging.shared.insert(staging.path)
        return Staging(folder: staging, unique: unique, recycled: spare?.claim(as: staging.path))
    }

    /// Gives up a staging folder no write used (the build failed first): a claimed spare goes
    /// back to its place in the cache, as it was, for the next build.
    func abandon(_ staging: Staging, spare: SpareSite?) {
        defer { ActiveStaging.shared.remove(staging.folder.path) }
        if staging.recycled != nil, let spare, rename(staging.folder.path, spare.path) == 0 { return }
        TreeRemoval.remove(staging.folder.path)
    }
}
