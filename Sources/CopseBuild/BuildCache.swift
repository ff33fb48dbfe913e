import CopseCore
import Foundation

/// The incremental build's cache folder (`.copse-cache/build` by default): holds the manifest of
/// the last successful build. Anything wrong with it (damaged, another version, unreadable) means
/// a full build, never a wrong site.
struct BuildCache: Sendable {
    let folder: URL

    static let fileName = "manifest"

    var file: URL { folder.appendingPathComponent(Self.fileName) }

    /// The manifest of the last build, when it can be trusted; else nil, with a warning when the
    /// cache is damaged or unreadable (a missing cache, or one from another copse, is expected).
    func load() -> (BuildManifest?, warning: String?) {
        guard FileManager.default.fileExists(atPath: file.path) else { return (nil, nil) }
        guard let bytes = FileBytes.read(file.path) else {
            return (nil, "could not read the build cache \(file.path); building everything")
        }
        switch BuildManifest.decode(bytes) {
        case .success(let manifest):
            return manifest.program == BuildFingerprint.program ? (manifest, nil) : (nil, nil)
        case .failure(.otherVersion):
            return (nil, nil)
        case .failure(.damaged(let why)):
            return (nil, "the build cache \(file.path) is damaged (\(why)); building everything")
        }
    }

    /// Writes the manifest (to a new file renamed over the old one). A cache that cannot be written
    /// costs the next build its shortcuts, nothing else: the warning says so.
    /// `previous`: the manifest it replaces, as read (see ``BuildManifest/encoded(previous:)``).
    func save(_ manifest: BuildManifest, previous: BuildManifest? = nil) -> String? {
        let failed = "could not write the build cache in \(folder.path); the next build will build everything"
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return failed
        }
        // Written as it is made, to a new file renamed over the old one once complete.
        guard let written = AppendedFile(folder: folder) else { return failed }
        guard manifest.write(previous: previous, to: { written.append(UnsafeRawBufferPointer($0)) }), written.commit(as: file) else {
            written.discard()
            return failed
        }
        return nil
    }

    /// Forgets the last build (before a build that may change the output without a new manifest).
    /// A warning when the manifest is still there afterwards: the output's stamps then no longer
    /// match it, so the next build builds everything, but the user should know why.
    func clear() -> String? {
        do {
            try FileManager.default.removeItem(at: file)
        } catch {
            guard FileManager.default.fileExists(atPath: file.path) else { return nil }
            return "could not remove the build cache \(file.path) (\(error.localizedDescription)); the next build will build everything"
        }
        return nil
    }
}

extension BuildManifest {
    /// Output files, not counting folders or the marker.
    var outputFileCount: Int { files.count { $0.kind != .folder && $0.path != OutputGuard.marker } }

    /// The output folder holds exactly the files this manifest lists, each unchanged since (same
    /// stamp), and no other file or folder: what a build with the same inputs would write. A file
    /// added to or taken from a folder changes the folder's stamp, so no folder need be listed.
    func matchesOutput(_ output: URL) -> Bool {
        let root = output.standardizedFileURL.path
        guard root == self.output, files.contains(where: { $0.path == "." && $0.kind == .folder }),
              let folder = FolderHandle(path: root) else { return false }
        return !files.parallelMap { FileStamp(in: folder, path: $0.path) == $0.stamp }.contains(false)
    }
}
