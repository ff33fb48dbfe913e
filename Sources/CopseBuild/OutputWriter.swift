import CopseCore
import Foundation

/// The write stage. Writes the whole site into a staging folder beside the output folder, then
/// swaps it in with one atomic rename; a failed or interrupted build never touches `output/`.
/// A lock file serialises the swap of concurrent builds of the same output.
struct OutputWriter {
    let output: URL

    /// How one file reaches the staging folder.
    struct Placement: Sendable {
        /// The bytes to write. Nil for a file that is only linked (`linkFrom`): should linking
        /// fail, the writer asks for the file again, with linking off.
        var contents: OutputFile.Contents?
        /// A folder (the current output, opened before its files were checked) whose file at the
        /// same path holds exactly these bytes: it is hard-linked into the staging folder instead
        /// of written (it keeps its times). `contents` are written when linking fails (another
        /// file system, say).
        var linkFrom: FolderHandle?
    }

    /// What a write did, once the new site is in place.
    struct Written: Sendable {
        /// Files linked from the current output rather than written.
        var linkedFiles: Int
    }

    /// Writes `paths.count` files; `contents(i)` produces file `i` and is called in parallel.
    /// `output` must have passed ``OutputGuard`` (it is the folder a link leads to, not the link).
    /// Throws a ``WriteFailure`` naming the cause in plain words. `verify` runs once every file is
    /// in the staging folder; when it says no, nothing is swapped in, the staging folder goes and
    /// `write` returns false.
    @discardableResult
    func write(paths: [String], contents: @Sendable (Int) -> OutputFile.Contents,
               verify: () -> Bool = { true }) throws(WriteFailure) -> Bool {
        try write(paths: paths, placements: { index, _ in Placement(contents: contents(index)) }, verify: verify) != nil
    }

    /// As ``write(paths:contents:verify:)``, each file written or linked as `placements(i, mayLink)`
    /// says (`mayLink` is false when linking the file failed: it must be made). `swapped` runs
    /// once the new site is in place, with every folder of it (each before the folders inside
    /// it, the output folder itself left out), still holding the lock that serialises swaps: what
    /// it reads of the output is this build's, not a concurrent one's. Nil when `verify` said no.
    @discardableResult
    func write(paths: [String], placements: @Sendable (_ index: Int, _ mayLink: Bool) -> Placement,
               verify: () -> Bool = { true }, swapped: (_ folders: [String]) -> Void = { _ in }) throws(WriteFailure) -> Written? {
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
        defer { ActiveStaging.shared.remove(staging.path) }
        do {
            let (folders, linked) = try fill(staging, paths: paths, placements: placements)
            guard verify() else {
                TreeRemoval.remove(staging.path)
                return nil
            }
            try FileLock(path: parent.appendingPathComponent(".\(name).lock").path).withLock { () throws(WriteFailure) in
                var clock = StageClock()
                try swapIn(staging, unique: unique)
                clock.lap("write: swap in, remove the previous site")
                swapped(folders.all)
                clock.lap("cache: record the manifest")
            }
            return Written(linkedFiles: linked)
        } catch {
            TreeRemoval.remove(staging.path)  // best effort; the next build also cleans up
            throw error
        }
    }

    /// Writes `bytes` to a new file at `path` (relative to the folder `folder`, or to the working
    /// folder for `AT_FDCWD`); nil when it worked, else the system's error number.
    static func writeFile(_ folder: Int32, _ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let descriptor = openat(folder, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                return code
            }
            offset += written
        }
        // A full disk or quota can show only when the file is closed (NFS, some FUSE systems).
        return close(descriptor) == 0 ? nil : errno
    }
}

private extension OutputWriter {
    /// Creates every folder, then writes every file in parallel with plain system calls:
    /// Foundation's file writing syncs each file to disk, which costs more than the whole render.
    /// The staging folder is swapped in only after all of it is written, so a crash mid-write
    /// still leaves the previous site in place. The folders, and how many files were linked.
    func fill(_ staging: URL, paths: [String],
              placements: @Sendable (Int, Bool) -> Placement) throws(WriteFailure) -> (FolderPlan, linked: Int) {
        let folders = FolderPlan(paths: paths)
        guard mkdir(staging.path, 0o755) == 0 else {
            throw WriteFailure(action: "create a folder in", path: staging.deletingLastPathComponent().path, code: errno)
        }
        guard let stagingFolder = FolderHandle(path: staging.path) else {
            throw WriteFailure(action: "open the folder", path: staging.path, code: errno)
        }
        // The descriptor stays open while the handle lives: to the end of this function.
        defer { withExtendedLifetime(stagingFolder) {} }
        let root = stagingFolder.descriptor
        var clock = StageClock()
        // Shared folders level by level, each level in parallel: a parent exists before its children.
        for level in folders.sharedLevels {
            let failed = level.parallelMap { folder -> Problem? in
                mkdirat(root, folder, 0o755) == 0 || errno == EEXIST ? nil : Problem(path: folder, code: errno)
            }.compactMap { $0 }
            if let first = failed.first {
                throw WriteFailure(action: "create the folder", path: first.path, code: first.code, others: failed.count - 1)
            }
        }
        clock.lap("write: shared folders")
        defer { clock.lap("write: pages") }
        let outcomes = Array(paths.indices).parallelMap { index -> Outcome in
            let path = paths[index]
            // A page's own folder (charter/ for charter/index.html) is made by the task that
            // writes the page, so folder creation overlaps with rendering.
            if let own = folders.ownFolder[index], mkdirat(root, own, 0o755) != 0, errno != EEXIST {
                return .failed(Problem(path: own, code: errno))
            }
            var placement = placements(index, true)
            if let source = placement.linkFrom {
                if withExtendedLifetime(source, { linkat(source.descriptor, path, root, path, 0) }) == 0 { return .linked }
                if placement.contents == nil { placement = placements(index, false) }
            }
            let problem: Problem?
            switch placement.contents {
            case .text(let text):
                var text = text
                problem = text.withUTF8 { Self.writeFile(root, path, $0) }.map { Problem(path: path, code: $0) }
            case .copy(let source):
                do {
                    let data = try Data(contentsOf: source)
                    problem = data.withUnsafeBytes { Self.writeFile(root, path, $0.bindMemory(to: UInt8.self)) }
                        .map { Problem(path: path, code: $0) }
                } catch {
                    problem = Problem(path: path, code: WriteFailure.code(of: error), reading: source.path)
                }
            case .bytes(let bytes):
                problem = bytes.withUnsafeBufferPointer { Self.writeFile(root, path, $0) }.map { Problem(path: path, code: $0) }
            case nil:
                // Asked again with linking off, and still nothing to write: a fault of the caller.
                problem = Problem(path: path, code: 0)
            }
            return problem.map(Outcome.failed) ?? .written
        }
        var linked = 0
        var failures: [Problem] = []
        for outcome in outcomes {
            switch outcome {
            case .linked: linked += 1
            case .written: break
            case .failed(let problem): failures.append(problem)
            }
        }
        failures.sort { $0.path < $1.path }
        if let first = failures.first {
            if let source = first.reading { throw WriteFailure(action: "read", path: source, code: first.code, others: failures.count - 1) }
            // The most telling cause first: a full disk explains the files that failed after it.
            let cause = failures.first { $0.code == ENOSPC || $0.code == EDQUOT || $0.code == EROFS } ?? first
            throw WriteFailure(action: "write", path: cause.path, code: cause.code, others: failures.count - 1)
        }
        let marker = Array(OutputGuard.markerText.utf8)
        if let code = marker.withUnsafeBufferPointer({ Self.writeFile(root, OutputGuard.marker, $0) }) {
            throw WriteFailure(action: "write", path: OutputGuard.marker, code: code)
        }
        return (folders, linked)
    }

    /// A file or folder that could not be written, and the system's reason.
    struct Problem: Sendable {
        var path: String
        var code: Int32
        /// The file copied from, when reading it failed.
        var reading: String?
    }

    /// What became of one file.
    enum Outcome: Sendable {
        case linked, written
        case failed(Problem)
    }
}
