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
        /// Every file of `content/` the fingerprint read: the Markdown files in the scan's order,
        /// then the others.
        var paths: [String] = []
        /// Each Markdown file's hash, in the scan's order (of ``ContentScanner/Found/markdown``).
        var pageList: [ContentHash] = []
        /// With `known` (see ``inputs(_:found:history:known:)``): each file of ``paths``, its
        /// stamp and hash, for the next call; nil for a file that could not be stamped.
        var stamped: [KnownFile?] = []

        /// Each Markdown file's hash, by source path (`content/...md`).
        var pages: [String: ContentHash] {
            Dictionary(zip(paths, pageList).map { ("content/" + $0, $1) }, uniquingKeysWith: { first, _ in first })
        }

        /// ``stamped``, by path in `content/`.
        var files: [String: KnownFile] {
            var files: [String: KnownFile] = [:]
            files.reserveCapacity(stamped.count)
            for (path, file) in zip(paths, stamped) { if let file { files[path] = file } }
            return files
        }
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
        frame(options, found: found, history: history, known: known).flatMap { reading($0, options, found: found, known: known) }
    }

    /// `frame` completed with the Markdown files' hashes, read from the files (or from `known`).
    static func reading(_ frame: Frame, _ options: BuildOptions, found: ContentScanner.Found,
                        known: [String: KnownFile]?) -> Hashes? {
        let contentPath = options.root.appendingPathComponent("content").path + "/"
        let pageList = Array(found.markdown.indices).parallelMap { index -> ContentHash? in
            let file = contentPath + found.markdown[index]
            guard let known else { return ContentHash.ofFile(file) }
            if let stamp = frame.stamps[index], let kept = known[found.markdown[index]], kept.stamp == stamp, !kept.recent { return kept.hash }
            return ContentHash.ofFile(file)
        }
        return frame.completed(pageList: pageList)
    }

    /// Everything ``inputs(_:found:history:known:)`` hashes but the Markdown files' bytes, which
    /// ``completed(pageList:)`` adds: a build that reads every page anyway (it has no manifest to
    /// compare with) hashes them as it parses them, rather than reading each file twice.
    struct Frame: Sendable {
        var theme: ContentHash
        /// The options, the output, the theme and the history, hashed: where ``Hashes/inputs`` starts.
        var start: Hasher128
        var frame: ContentHash
        var paths: [String]
        var markdownCount: Int
        /// Each of ``paths``, stamped before it is read (only with `known`).
        var stamps: [FileStamp?]
        /// The hash of each file of ``paths`` that is not Markdown, in order.
        var others: [ContentHash]
        /// When the stamps were taken, in nanoseconds.
        var started: Int64
        var stamping: Bool

        /// The hashes, with `pageList` the hash of each Markdown file (nil for one that could not
        /// be read: then there are none).
        func completed(pageList: [ContentHash?]) -> Hashes? {
            guard pageList.count == markdownCount else { return nil }
            var hasher = start
            var pages: [ContentHash] = []
            pages.reserveCapacity(markdownCount)
            for (index, path) in paths.enumerated() {
                guard let hash = index < markdownCount ? pageList[index] : others[index - markdownCount] else { return nil }
                hasher.add(UInt64(index < markdownCount ? 1 : 2))
                hasher.add(path)
                hasher.add(hash)
                if index < markdownCount { pages.append(hash) }
            }
            let stamped = !stamping ? [] : paths.indices.map { index -> KnownFile? in
                guard let stamp = stamps[index] else { return nil }
                let hash = index < markdownCount ? pages[index] : others[index - markdownCount]
                return KnownFile(stamp: stamp, hash: hash,
                                 recent: stamp.modified > started - racyWindow || stamp.changed > started - racyWindow)
            }
            return Hashes(inputs: hasher.finish(), theme: theme, frame: frame, paths: paths, pageList: pages, stamped: stamped)
        }
    }

    /// The part of the fingerprint that does not read the Markdown files (see ``Frame``).
    static func frame(_ options: BuildOptions, found: ContentScanner.Found, history: GitHistory?,
                      known: [String: KnownFile]? = nil) -> Frame? {
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
        // Each file is stamped before it is read: a write in between shows as a new stamp next time.
        let stamps = known == nil ? Array(repeating: nil, count: paths.count)
            : paths.parallelMap { FileStamp(path: contentPath + $0).flatMap { $0.isFolder ? nil : $0 } }
        let otherPaths = found.other
        let others = Array(otherPaths.indices).parallelMap { index -> ContentHash? in
            let file = contentPath + otherPaths[index]
            guard let known else { return ContentHash.ofFile(file) }
            if let stamp = stamps[markdownCount + index], let kept = known[otherPaths[index]], kept.stamp == stamp, !kept.recent {
                return kept.hash
            }
            return ContentHash.ofFile(file)
        }
        var otherHashes: [ContentHash] = []
        otherHashes.reserveCapacity(others.count)
        for (index, path) in paths.enumerated() {
            let kind: UInt64 = index < markdownCount ? 1 : 2
            frame.add(kind)
            frame.add(path)
            if index >= markdownCount {
                guard let hash = others[index - markdownCount] else { return nil }
                frame.add(hash)
                otherHashes.append(hash)
            }
        }
        return Frame(theme: themeHash, start: hasher, frame: frame.finish(), paths: paths, markdownCount: markdownCount,
                     stamps: stamps, others: otherHashes, started: started, stamping: known != nil)
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
