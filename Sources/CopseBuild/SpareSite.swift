import CopseCore
import Foundation

/// The site the last build swapped out, kept in the cache folder (`spare-site`) to become the next
/// build's staging folder. After a small edit most of its files are the current output's own (hard
/// links to the same files), so the next build replaces the few that differ instead of linking
/// every file into a new folder and then removing a whole site.
///
/// It is trusted exactly as far as the manifest vouches for it: the build claims it by renaming it
/// to its staging folder (so no other build takes it too), then every folder must have the stamp
/// the manifest recorded (a file added to a folder, taken from it or renamed in it changes its
/// stamp) and the spare folder itself must hold exactly the names listed; anything else and it is
/// removed unused. A file in it is kept only when its stamp is the one the manifest recorded for
/// bytes the build wants at that path (see ``OutputWriter/Placement/recorded``).
struct SpareSite: Sendable {
    static let folderName = "spare-site"

    /// `<cache folder>/spare-site`.
    let path: String
    /// What the spare holds, as the last manifest vouches; nil when it vouches for none.
    let vouched: Listing?
    /// The last manifest, when it describes the output this build replaces: only then may that
    /// output be kept as the next spare (the next manifest lists it relative to this one).
    let previous: BuildManifest?

    /// The files and folders of a spare.
    struct Listing: Sendable {
        var files: [String]
        /// Each before the folders inside it, the spare folder itself left out.
        var folders: [String]
        var folderHash: ContentHash
    }

    init(cache: BuildCache, previous: BuildManifest?) {
        path = cache.folder.appendingPathComponent(Self.folderName).path
        self.previous = previous
        vouched = previous.flatMap { manifest in manifest.spare.map { Self.listing(manifest, $0) } }
    }

    /// Renames the spare to `staging` and returns it when it holds what the manifest vouches for;
    /// otherwise removes it (there or at `staging`) and returns nil.
    func claim(as staging: String) -> Recycled? {
        guard rename(path, staging) == 0 else {
            if errno != ENOENT { TreeRemoval.remove(path) }
            return nil
        }
        guard let vouched, let folder = FolderHandle(path: staging), let stamps = Self.stamps(of: vouched, in: folder) else {
            TreeRemoval.remove(staging)
            return nil
        }
        return Recycled(folder: folder, files: vouched.files, folders: vouched.folders, folderStamps: stamps)
    }

    /// The record of the site just swapped out (what `previous` lists), for a manifest whose own
    /// files are `files`.
    /// `folderHash`: ``folderHash(of:)`` of `previous`, when worked out already.
    static func describe(previous: BuildManifest, files: [BuildManifest.Entry], folderHash: ContentHash? = nil) -> BuildManifest.Spare {
        // Looked at in place: copying tens of thousands of entries is felt.
        let old = previous.files.lazy.filter { $0.path != "." }
        let new = files.lazy.filter { $0.path != "." }
        let folderHash = folderHash ?? Self.folderHash(of: previous)
        // After an edit the two list the same paths in the same order.
        if old.count == new.count, old.elementsEqual(new, by: { $0.path == $1.path && ($0.kind == .folder) == ($1.kind == .folder) }) {
            return BuildManifest.Spare(folderHash: folderHash, missing: [], extra: [])
        }
        func key(_ entry: BuildManifest.Entry) -> String { (entry.kind == .folder ? "d" : "f") + entry.path }
        let oldKeys = Set(old.map(key))
        let newKeys = Set(new.map(key))
        return BuildManifest.Spare(folderHash: folderHash, missing: new.filter { !oldKeys.contains(key($0)) }.map(\.path),
                                   extra: old.filter { !newKeys.contains(key($0)) }.map { .init(path: $0.path, isFolder: $0.kind == .folder) })
    }

    /// The hash of the folders `manifest` lists (the output folder itself left out).
    static func folderHash(of manifest: BuildManifest) -> ContentHash {
        folderHash(manifest.files.lazy.filter { $0.kind == .folder && $0.path != "." }.map { ($0.path, $0.stamp) })
    }

    /// One hash of folders' paths and stamps, whatever their order.
    static func folderHash<Folders: Sequence>(_ folders: Folders) -> ContentHash where Folders.Element == (String, FileStamp) {
        var sum = ContentHash(high: 0, low: 0)
        for (path, stamp) in folders {
            var hasher = Hasher128()
            hasher.add(path)
            hasher.add(UInt64(bitPattern: stamp.size))
            hasher.add(stamp.inode)
            hasher.add(UInt64(bitPattern: stamp.modified))
            hasher.add(UInt64(bitPattern: stamp.changed))
            let one = hasher.finish()
            sum = ContentHash(high: sum.high &+ one.high, low: sum.low &+ one.low)
        }
        return sum
    }
}

/// A spare claimed as the staging folder, its folders checked: what it holds.
struct Recycled: Sendable {
    let folder: FolderHandle
    let files: [String]
    /// Each before the folders inside it.
    let folders: [String]
    /// The stamps `folders` had when they were checked.
    let folderStamps: [FileStamp]
}

private extension SpareSite {
    /// What `manifest` says its spare holds: its own files and folders but the missing, and the extra.
    static func listing(_ manifest: BuildManifest, _ spare: BuildManifest.Spare) -> Listing {
        let missing = Set(spare.missing)
        var files: [String] = []
        var folders: [String] = []
        for entry in manifest.files where entry.path != "." && !missing.contains(entry.path) {
            if entry.kind == .folder { folders.append(entry.path) } else { files.append(entry.path) }
        }
        for extra in spare.extra {
            if extra.isFolder { folders.append(extra.path) } else { files.append(extra.path) }
        }
        return Listing(files: files, folders: folders, folderHash: spare.folderHash)
    }

    /// The stamps of the folders listed, when the spare folder holds exactly the names listed at
    /// its top and every folder in it has the stamp recorded; else nil.
    static func stamps(of listing: Listing, in folder: FolderHandle) -> [FileStamp]? {
        var top = Set<String>()
        for path in listing.files + listing.folders where !path.utf8.contains(UInt8(ascii: "/")) { top.insert(path) }
        guard let names = names(in: folder), names == top else { return nil }
        let stamps = listing.folders.parallelMap { FileStamp(in: folder, path: $0) }
        var found: [FileStamp] = []
        found.reserveCapacity(stamps.count)
        for stamp in stamps {
            guard let stamp, stamp.isFolder else { return nil }
            found.append(stamp)
        }
        return folderHash(zip(listing.folders, found)) == listing.folderHash ? found : nil
    }

    /// The names in `folder`; nil when it cannot be read.
    static func names(in folder: FolderHandle) -> Set<String>? {
        let descriptor = openat(folder.descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let listing = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(listing) }
        var names = Set<String>()
        while let entry = readdir(listing) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.insert(name) }
        }
        return names
    }
}
