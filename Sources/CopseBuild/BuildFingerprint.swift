import CopseCore
import Foundation

/// A hash of everything a build reads: copse.yml, every file the scan finds under `content/`, the
/// theme folders, the git history it shows, and the options that change the output (drafts, strict,
/// today, git dates, the output folder). Two builds with the same fingerprint, by the same copse,
/// write the same site. Nil when an input cannot be read: then nothing is skipped.
struct BuildFingerprint: Sendable {
    /// The copse that builds: its version and its executable's stamp, so that a cache written by
    /// another copse (or another build of it) is never trusted.
    static let program: ContentHash = {
        var hasher = Hasher128()
        hasher.add("copse \(CopseVersion.current) cache \(BuildManifest.formatVersion)")
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        hasher.add(executable)
        if let stamp = FileStamp(path: URL(fileURLWithPath: executable).resolvingSymlinksInPath().path) {
            hasher.add(UInt64(bitPattern: stamp.size))
            hasher.add(stamp.inode)
            hasher.add(UInt64(bitPattern: stamp.modified))
        }
        return hasher.finish()
    }()

    /// What a build reads, hashed: see ``Hashes``. `found` is the scan the build then uses (so it
    /// scans once).
    struct Hashes: Sendable {
        /// Everything the build reads.
        var inputs: ContentHash
        /// What decides how a template renders a context: copse, copse.yml, the theme folders.
        var theme: ContentHash
        /// Everything the build reads but the Markdown files' bytes (their paths are in): with the
        /// facet of every page (``PageFacet``), what every file but those that read a page's text
        /// is made from.
        var frame: ContentHash
        /// Each Markdown file's bytes, by source path (`content/...md`).
        var pages: [String: ContentHash]
        /// The same, in the scan's order (of ``ContentScanner/Found/markdown``).
        var pageList: [ContentHash] = []
        /// With `known` (see ``inputs(_:found:history:known:)``): every file's stamp and hash, by
        /// its path in `content/`, for the next call.
        var files: [String: KnownFile] = [:]
    }

    /// A file of `content/` as the last fingerprint found it.
    struct KnownFile: Sendable {
        var stamp: FileStamp
        var hash: ContentHash
        /// Written so shortly before it was stamped that another write may follow within the same
        /// tick of the file system's clock and leave the stamp as it is ("racy git"): read again.
        var recent: Bool
    }

    /// How close to the stamping a write makes a stamp untrustworthy: more than any file
    /// system's clock tick (FAT's is two seconds).
    static let racyWindow: Int64 = 3_000_000_000

    /// `known`: the files as the last call found them (`copse serve`): a file whose stamp is as
    /// it was then is not read again (the check git's index makes).
    static func inputs(_ options: BuildOptions, found: ContentScanner.Found, history: GitHistory?,
                       known: [String: KnownFile]? = nil) -> Hashes? {
        guard found.diagnostics.isEmpty else { return nil }
        var theme = Hasher128()
        theme.add(program)
        guard let config = FileManager.default.contents(atPath: options.root.appendingPathComponent(Config.fileName).path) else {
            return nil
        }
        theme.add([UInt8](config))
        for folder in options.themeSearchPath {
            theme.add("theme folder " + folder.path)
            guard let files = hashFolder(folder) else { return nil }
            theme.add(files)
        }
        let themeHash = theme.finish()
        var hasher = Hasher128()
        hasher.add("options drafts=\(options.includeDrafts) strict=\(options.strict) today=\(options.today.iso) git=\(options.gitDates)")
        hasher.add(options.output.standardizedFileURL.path)
        hasher.add(themeHash)
        if options.gitDates { addHistory(history, to: &hasher) }
        var frame = hasher
        let content = options.root.appendingPathComponent("content")
        // The Markdown files, then the others: a path is hashed with its kind.
        let paths = found.markdown + found.other
        let markdownCount = found.markdown.count
        let contentPath = content.path + "/"
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let started = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        let stamped = paths.parallelMap { path -> (stamp: FileStamp?, hash: ContentHash?) in
            let file = contentPath + path
            guard let known else { return (nil, ContentHash.ofFile(file)) }
            // Stamped before it is read: a write in between shows as a new stamp next time.
            let stamp = FileStamp(path: file).flatMap { $0.isFolder ? nil : $0 }
            if let stamp, let kept = known[path], kept.stamp == stamp, !kept.recent { return (stamp, kept.hash) }
            return (stamp, ContentHash.ofFile(file))
        }
        var files: [String: KnownFile] = [:]
        if known != nil {
            files.reserveCapacity(paths.count)
            for (path, file) in zip(paths, stamped) {
                if let stamp = file.stamp, let hash = file.hash {
                    let recent = stamp.modified > started - racyWindow || stamp.changed > started - racyWindow
                    files[path] = KnownFile(stamp: stamp, hash: hash, recent: recent)
                }
            }
        }
        var pages: [String: ContentHash] = [:]
        pages.reserveCapacity(markdownCount)
        var pageList: [ContentHash] = []
        pageList.reserveCapacity(markdownCount)
        for (index, path) in paths.enumerated() {
            guard let hash = stamped[index].hash else { return nil }
            let kind: UInt64 = index < markdownCount ? 1 : 2
            hasher.add(kind)
            hasher.add(path)
            hasher.add(hash)
            frame.add(kind)
            frame.add(path)
            if index < markdownCount {
                pages["content/" + path] = hash
                pageList.append(hash)
            } else {
                frame.add(hash)
            }
        }
        return Hashes(inputs: hasher.finish(), theme: themeHash, frame: frame.finish(), pages: pages, pageList: pageList, files: files)
    }
}

private extension BuildFingerprint {
    /// Every file below `folder` (links followed), by relative path; an absent folder hashes as
    /// empty. Nil when a file cannot be read.
    static func hashFolder(_ folder: URL) -> ContentHash? {
        var hasher = Hasher128()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            hasher.add("absent")
            return hasher.finish()
        }
        guard isFolder.boolValue, let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String { files.append(path) }
        for path in files.sorted() {
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
            hasher.add(path)
            if isFolder.boolValue { continue }
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            hasher.add([UInt8](data))
        }
        return hasher.finish()
    }

    static func addHistory(_ history: GitHistory?, to hasher: inout Hasher128) {
        guard let history else {
            hasher.add("no git history")
            return
        }
        hasher.add("git \(history.repositoryPath) shallow=\(history.isShallow)")
        hasher.add(history.problem ?? "-")
        hasher.add(history.problemHint ?? "-")
        for (path, change) in history.changes.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            hasher.add(change.day.iso)
            hasher.add(change.author)
        }
    }
}
