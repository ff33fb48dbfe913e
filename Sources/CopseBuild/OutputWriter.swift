import CopseCore
import Foundation

/// The write stage. Writes the whole site into a staging folder beside the output folder, then
/// swaps it in with one atomic rename; a failed or interrupted build never touches `output/`.
/// A lock file serialises the swap of concurrent builds of the same output.
struct OutputWriter {
    let output: URL

    /// How one file reaches the staging folder.
    struct Placement: Sendable {
        /// The bytes to write. Nil for a file that is only taken from a recorded file
        /// (`recorded`): should neither the staging folder nor `linkFrom` hold it, the writer asks
        /// for the file again, with `mayLink` false.
        var contents: OutputFile.Contents?
        /// The stamp the manifest recorded for this path when that file holds exactly these bytes:
        /// a recycled staging folder (``SpareSite``) that still holds it keeps it as it is;
        /// otherwise it is hard-linked from `linkFrom` (it keeps its times) when the file there has
        /// this stamp. `contents` are written when neither holds it (or linking fails: another
        /// file system, say).
        var recorded: FileStamp?
        /// The current output, opened before any of its files is checked.
        var linkFrom: FolderHandle?
    }

    /// What a write did, once the new site is in place.
    struct Written: Sendable {
        /// Files taken as they were: kept in a recycled staging folder or linked from the current
        /// output, rather than written.
        var reusedFiles: Int
        /// Every folder of the site, each before the folders inside it, the output folder itself
        /// left out.
        var folders: [String]
        /// By file, its stamp when it was kept in a recycled staging folder as it was.
        var kept: [FileStamp?]
        /// By folder (as `folders`), its stamp when nothing changed it since it was checked; empty
        /// when the staging folder was not recycled.
        var folderStamps: [FileStamp?]
        /// The site swapped out was kept as the next spare (see ``SpareSite``), not removed: the
        /// files both sites share were then not touched after they were placed.
        var stashed: Bool
        /// By file, its stamp when this build wrote it, read from the open file just written:
        /// nothing changes it afterwards (swapping renames its folder, not the file).
        var fresh: [FileStamp?] = []
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

    /// As ``write(paths:contents:verify:)``, each file written, kept or linked as
    /// `placements(i, mayLink)` says (`mayLink` is false when the recorded file could not be had:
    /// the file must be made). With a `spare`, the staging folder is the spare when it can be
    /// trusted, and the site swapped out becomes the next spare when most files were reused.
    /// `swapped` runs once the new site is in place, still holding the lock that serialises swaps:
    /// what it reads of the output is this build's, not a concurrent one's. Nil when `verify` said no.
    /// `staging`: the staging folder made ready already (see ``prepare(spare:)``), the spare
    /// claimed while the build's other stages ran.
    @discardableResult
    func write(paths: [String], placements: @Sendable (_ index: Int, _ mayLink: Bool) -> Placement,
               folders: Pending<FolderPlan>? = nil, spare: SpareSite? = nil, staging prepared: Pending<Result<Staging, WriteFailure>>? = nil,
               verify: () -> Bool = { true }, swapped: (Written) -> Void = { _ in }) throws(WriteFailure) -> Written? {
        var clock = StageClock()
        let ready: Staging
        if let prepared {
            switch prepared.wait() {
            case .success(let staging): ready = staging
            case .failure(let failure): throw failure
            }
        } else {
            ready = try prepare(spare: spare)
        }
        if spare != nil { clock.lap(prepared == nil ? "write: claim the spare site" : "write: claim the spare site (waited)") }
        let (staging, unique, recycled) = (ready.folder, ready.unique, ready.recycled)
        defer { ActiveStaging.shared.remove(staging.path) }
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        do {
            var written = try fill(staging, paths: paths, folders: folders?.wait() ?? FolderPlan(paths: paths), recycled: recycled,
                                   placements: placements)
            guard verify() else {
                TreeRemoval.remove(staging.path)
                return nil
            }
            // The site swapped out is kept only when most of its files are the new site's too: it
            // then costs little space, and saves the next build most of its work.
            let stash = spare.flatMap { $0.previous != nil && written.reusedFiles * 2 >= paths.count ? $0.path : nil }
            try FileLock(path: parent.appendingPathComponent(".\(name).lock").path).withLock { () throws(WriteFailure) in
                var clock = StageClock()
                written.stashed = try swapIn(staging, unique: unique, stash: stash)
                clock.lap(written.stashed ? "write: swap in, keep the previous site" : "write: swap in, remove the previous site")
                swapped(written)
                clock.lap("cache: record the manifest")
            }
            return written
        } catch {
            TreeRemoval.remove(staging.path)  // best effort; the next build also cleans up
            throw error
        }
    }

}

private extension OutputWriter {
    /// Creates every folder, then writes every file in parallel with plain system calls:
    /// Foundation's file writing syncs each file to disk, which costs more than the whole render.
    /// The staging folder is swapped in only after all of it is written, so a crash mid-write
    /// still leaves the previous site in place. A `recycled` staging folder is first rid of what
    /// the new site does not hold, and keeps the files and folders it does.
    func fill(_ staging: URL, paths: [String], folders: FolderPlan, recycled: Recycled?,
              placements: @Sendable (Int, Bool) -> Placement) throws(WriteFailure) -> Written {
        let stagingFolder: FolderHandle
        let existing: StagingFolders
        var removed = false
        if let recycled {
            stagingFolder = recycled.folder
            (existing, removed) = Self.tidy(recycled, paths: paths, folders: folders.all)
        } else {
            existing = .none
            guard mkdir(staging.path, 0o755) == 0 else {
                throw WriteFailure(action: "create a folder in", path: staging.deletingLastPathComponent().path, code: errno)
            }
            guard let folder = FolderHandle(path: staging.path) else {
                throw WriteFailure(action: "open the folder", path: staging.path, code: errno)
            }
            stagingFolder = folder
        }
        // The descriptor stays open while the handle lives: to the end of this function.
        defer { withExtendedLifetime(stagingFolder) {} }
        let root = stagingFolder.descriptor
        let isRecycled = recycled != nil
        var clock = StageClock()
        // Shared folders level by level, each level in parallel: a parent exists before its children.
        for level in folders.sharedLevels {
            let failed = level.parallelMap { folder -> Problem? in
                existing.contains(folder) || mkdirat(root, folder, 0o755) == 0 || errno == EEXIST ? nil : Problem(path: folder, code: errno)
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
            if let own = folders.ownFolder[index], !existing.contains(own), mkdirat(root, own, 0o755) != 0, errno != EEXIST {
                return .failed(Problem(path: own, code: errno))
            }
            var placement = placements(index, true)
            if let recorded = placement.recorded {
                if isRecycled, FileStamp(in: stagingFolder, path: path) == recorded { return .kept(recorded) }
                if let source = placement.linkFrom, FileStamp(in: source, path: path) == recorded {
                    if isRecycled { Self.clear(path, in: root) }
                    if withExtendedLifetime(source, { linkat(source.descriptor, path, root, path, 0) }) == 0 { return .linked }
                }
                if placement.contents == nil { placement = placements(index, false) }
            }
            if isRecycled { Self.clear(path, in: root) }
            let problem: Problem?
            var stamp: FileStamp?
            switch placement.contents {
            case .text(let text):
                var text = text
                problem = text.withUTF8 { Self.writeFile(root, path, $0, stamp: &stamp) }.map { Problem(path: path, code: $0) }
            case .copy(let source):
                do {
                    let data = try Data(contentsOf: source)
                    problem = data.withUnsafeBytes { Self.writeFile(root, path, $0.bindMemory(to: UInt8.self), stamp: &stamp) }
                        .map { Problem(path: path, code: $0) }
                } catch {
                    problem = Problem(path: path, code: WriteFailure.code(of: error), reading: source.path)
                }
            case .bytes(let bytes):
                problem = bytes.withUnsafeBufferPointer { Self.writeFile(root, path, $0, stamp: &stamp) }.map { Problem(path: path, code: $0) }
            case nil:
                // Asked again with linking off, and still nothing to write: a fault of the caller.
                problem = Problem(path: path, code: 0)
            }
            return problem.map(Outcome.failed) ?? .written(stamp)
        }
        var written = Written(reusedFiles: 0, folders: folders.all, kept: Array(repeating: nil, count: paths.count), folderStamps: [],
                              stashed: false, fresh: Array(repeating: nil, count: paths.count))
        var failures: [Problem] = []
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .kept(let stamp):
                written.kept[index] = stamp
                written.reusedFiles += 1
            case .linked: written.reusedFiles += 1
            case .written(let stamp): written.fresh[index] = stamp
            case .failed(let problem): failures.append(problem)
            }
        }
        if let recycled, case .all = existing, !removed {
            written.folderStamps = Self.unchangedStamps(recycled, folders: folders.all, paths: paths, kept: written.kept)
        }
        failures.sort { $0.path < $1.path }
        if let first = failures.first {
            if let source = first.reading { throw WriteFailure(action: "read", path: source, code: first.code, others: failures.count - 1) }
            // The most telling cause first: a full disk explains the files that failed after it.
            let cause = failures.first { $0.code == ENOSPC || $0.code == EDQUOT || $0.code == EROFS } ?? first
            throw WriteFailure(action: "write", path: cause.path, code: cause.code, others: failures.count - 1)
        }
        let marker = Array(OutputGuard.markerText.utf8)
        if isRecycled { Self.clear(OutputGuard.marker, in: root) }
        if let code = marker.withUnsafeBufferPointer({ Self.writeFile(root, OutputGuard.marker, $0) }) {
            throw WriteFailure(action: "write", path: OutputGuard.marker, code: code)
        }
        return written
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
        /// Kept as it was in a recycled staging folder, with this stamp.
        case kept(FileStamp)
        case linked
        /// Written, with its stamp when it could be read.
        case written(FileStamp?)
        case failed(Problem)
    }
}
