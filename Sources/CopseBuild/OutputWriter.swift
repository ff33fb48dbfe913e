import CopseCore
import Foundation

/// The write stage. Writes the whole site into a staging folder beside the output folder, then
/// swaps it in with one atomic rename; a failed or interrupted build never touches `output/`.
/// A lock file serialises the swap of concurrent builds of the same output.
struct OutputWriter {
    let output: URL

    /// How one file reaches the staging folder.
    struct Placement: Sendable {
        var contents: OutputFile.Contents
        /// A file of the current output holding exactly these bytes: it is hard-linked into the
        /// staging folder instead of written (it keeps its times). `contents` is written when
        /// linking fails (another file system, say).
        var linkFrom: String?
    }

    /// Writes `paths.count` files; `contents(i)` produces file `i` and is called in parallel.
    /// `output` must have passed ``OutputGuard`` (it is the folder a link leads to, not the link).
    /// Throws a ``WriteFailure`` naming the cause in plain words. `verify` runs once every file is
    /// in the staging folder; when it says no, nothing is swapped in, the staging folder goes and
    /// `write` returns false.
    @discardableResult
    func write(paths: [String], contents: @Sendable (Int) -> OutputFile.Contents,
               verify: () -> Bool = { true }) throws(WriteFailure) -> Bool {
        try write(paths: paths, placements: { Placement(contents: contents($0)) }, verify: verify)
    }

    /// As ``write(paths:contents:verify:)``, each file written or linked as `placements(i)` says.
    /// `swapped` runs once the new site is in place, still holding the lock that serialises
    /// swaps: what it reads of the output is this build's, not a concurrent one's.
    @discardableResult
    func write(paths: [String], placements: @Sendable (Int) -> Placement,
               verify: () -> Bool = { true }, swapped: () -> Void = {}) throws(WriteFailure) -> Bool {
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
            try fill(staging, paths: paths, placements: placements)
            guard verify() else {
                TreeRemoval.remove(staging.path)
                return false
            }
            try FileLock(path: parent.appendingPathComponent(".\(name).lock").path).withLock { () throws(WriteFailure) in
                var clock = StageClock()
                try swapIn(staging, unique: unique)
                clock.lap("write: swap in, remove the previous site")
                swapped()
                clock.lap("cache: record the manifest")
            }
        } catch {
            TreeRemoval.remove(staging.path)  // best effort; the next build also cleans up
            throw error
        }
        return true
    }
}

/// The staging folders this process is filling now: a later build in the same process (a
/// server rebuilding on change) removes any other staging folder of this process it finds.
final class ActiveStaging: @unchecked Sendable {
    static let shared = ActiveStaging()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
}

private extension OutputWriter {
    /// Creates every folder, then writes every file in parallel with plain system calls:
    /// Foundation's file writing syncs each file to disk, which costs more than the whole render.
    /// The staging folder is swapped in only after all of it is written, so a crash mid-write
    /// still leaves the previous site in place.
    func fill(_ staging: URL, paths: [String], placements: @Sendable (Int) -> Placement) throws(WriteFailure) {
        let folders = FolderPlan(paths: paths)
        guard mkdir(staging.path, 0o755) == 0 else {
            throw WriteFailure(action: "create a folder in", path: staging.deletingLastPathComponent().path, code: errno)
        }
        let stagingPath = staging.path
        var clock = StageClock()
        // Shared folders level by level, each level in parallel: a parent exists before its children.
        for level in folders.sharedLevels {
            let failed = level.parallelMap { folder -> Problem? in
                mkdir(stagingPath + "/" + folder, 0o755) == 0 || errno == EEXIST ? nil : Problem(path: folder, code: errno)
            }.compactMap { $0 }
            if let first = failed.first {
                throw WriteFailure(action: "create the folder", path: first.path, code: first.code, others: failed.count - 1)
            }
        }
        clock.lap("write: shared folders")
        defer { clock.lap("write: pages") }
        let failures = Array(paths.indices).parallelMap { index -> Problem? in
            // A page's own folder (charter/ for charter/index.html) is made by the task that
            // writes the page, so folder creation overlaps with rendering.
            if let own = folders.ownFolder[index], mkdir(stagingPath + "/" + own, 0o755) != 0, errno != EEXIST {
                return Problem(path: own, code: errno)
            }
            let target = stagingPath + "/" + paths[index]
            let placement = placements(index)
            if let source = placement.linkFrom, link(source, target) == 0 { return nil }
            switch placement.contents {
            case .text(let text):
                var text = text
                return text.withUTF8 { Self.writeFile(target, $0) }.map { Problem(path: paths[index], code: $0) }
            case .copy(let source):
                let data: Data
                do { data = try Data(contentsOf: source) } catch {
                    return Problem(path: paths[index], code: WriteFailure.code(of: error), reading: source.path)
                }
                return data.withUnsafeBytes { Self.writeFile(target, $0.bindMemory(to: UInt8.self)) }
                    .map { Problem(path: paths[index], code: $0) }
            case .bytes(let bytes):
                return bytes.withUnsafeBufferPointer { Self.writeFile(target, $0) }.map { Problem(path: paths[index], code: $0) }
            }
        }.compactMap { $0 }.sorted { $0.path < $1.path }
        if let first = failures.first {
            if let source = first.reading { throw WriteFailure(action: "read", path: source, code: first.code, others: failures.count - 1) }
            // The most telling cause first: a full disk explains the files that failed after it.
            let cause = failures.first { $0.code == ENOSPC || $0.code == EDQUOT || $0.code == EROFS } ?? first
            throw WriteFailure(action: "write", path: cause.path, code: cause.code, others: failures.count - 1)
        }
        let marker = Array(OutputGuard.markerText.utf8)
        if let code = marker.withUnsafeBufferPointer({ Self.writeFile(stagingPath + "/" + OutputGuard.marker, $0) }) {
            throw WriteFailure(action: "write", path: OutputGuard.marker, code: code)
        }
    }

    /// A file or folder that could not be written, and the system's reason.
    struct Problem: Sendable {
        var path: String
        var code: Int32
        /// The file copied from, when reading it failed.
        var reading: String?
    }

    /// Writes `bytes` to a new file at `path`; nil when it worked, else the system's error number.
    static func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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

    /// Exchanges staging and output atomically where the system allows (Linux renameat2), else
    /// renames the old output aside first. Removes the old site afterwards.
    func swapIn(_ staging: URL, unique: String) throws(WriteFailure) {
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(unique)")
        if FileManager.default.fileExists(atPath: output.path) {
            if AtomicRename.exchange(staging.path, output.path) {
                // The new site is in place; the old one, now in the staging folder, goes. If that
                // fails the build still succeeded, and the next build removes the leftover.
                TreeRemoval.remove(staging.path)
                return
            }
            guard rename(output.path, old.path) == 0 else {
                throw WriteFailure(action: "move the previous output aside from", path: output.path, code: errno)
            }
        }
        guard rename(staging.path, output.path) == 0 else {
            let code = errno
            // Put the previous site back where it was.
            if FileManager.default.fileExists(atPath: old.path) { _ = rename(old.path, output.path) }
            throw WriteFailure(action: "move the new site into", path: output.path, code: code)
        }
        if FileManager.default.fileExists(atPath: old.path) { TreeRemoval.remove(old.path) }
    }

    /// Staging folders of builds that died (their process is gone).
    func removeAbandonedStaging(in parent: URL, name: String) {
        let prefixes = [".\(name).staging-", ".\(name).old-"]
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries {
            guard let prefix = prefixes.first(where: entry.hasPrefix),
                  let pid = entry.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }),
                  pid == getpid() ? !ActiveStaging.shared.contains(parent.appendingPathComponent(entry).path) : kill(pid, 0) != 0
            else { continue }
            TreeRemoval.remove(parent.appendingPathComponent(entry).path)
        }
    }
}
