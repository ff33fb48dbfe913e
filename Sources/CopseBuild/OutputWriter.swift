import CopseCore
import Foundation

/// The write stage. Writes the whole site into a staging folder beside the output folder, then
/// swaps it in with one atomic rename; a failed or interrupted build never touches `output/`.
/// A lock file serialises the swap of concurrent builds of the same output.
struct OutputWriter {
    let output: URL

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `paths.count` files; `contents(i)` produces file `i` and is called in parallel.
    /// `verify` runs once every file is in the staging folder; if it throws, nothing is swapped in.
    func write(paths: [String], contents: @Sendable (Int) -> OutputFile.Contents, verify: () throws -> Void = {}) throws {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeAbandonedStaging(in: parent, name: name)
        // The process id tells later builds whether this build is still alive; the random part
        // keeps concurrent builds within one process apart.
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).staging-\(unique)")
        do {
            try fill(staging, paths: paths, contents: contents)
            try verify()
            try FileLock(path: parent.appendingPathComponent(".\(name).lock").path).withLock {
                try swapIn(staging, unique: unique)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)  // best effort; the next build also cleans up
            throw error
        }
    }
}

private extension OutputWriter {
    /// Creates every folder, then writes every file in parallel with plain system calls:
    /// Foundation's file writing syncs each file to disk, which costs more than the whole render.
    /// The staging folder is swapped in only after all of it is written, so a crash mid-write
    /// still leaves the previous site in place.
    func fill(_ staging: URL, paths: [String], contents: @Sendable (Int) -> OutputFile.Contents) throws {
        let folders = FolderPlan(paths: paths)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let stagingPath = staging.path
        var clock = StageClock()
        // Shared folders level by level, each level in parallel: a parent exists before its children.
        for level in folders.sharedLevels {
            let failed = level.parallelMap { folder -> String? in
                mkdir(stagingPath + "/" + folder, 0o755) == 0 || errno == EEXIST ? nil : folder
            }.compactMap { $0 }
            if let first = failed.first { throw Failure(description: "could not create folder \(first)") }
        }
        clock.lap("write: shared folders")
        defer { clock.lap("write: pages") }
        let failures = Array(paths.indices).parallelMap { index -> String? in
            // A page's own folder (charter/ for charter/index.html) is made by the task that
            // writes the page, so folder creation overlaps with rendering.
            if let own = folders.ownFolder[index], mkdir(stagingPath + "/" + own, 0o755) != 0, errno != EEXIST {
                return own
            }
            let target = stagingPath + "/" + paths[index]
            switch contents(index) {
            case .text(let text):
                var text = text
                return text.withUTF8 { Self.writeFile(target, $0) } ? nil : paths[index]
            case .copy(let source):
                guard let data = FileManager.default.contents(atPath: source.path) else { return source.path }
                return data.withUnsafeBytes { Self.writeFile(target, $0.bindMemory(to: UInt8.self)) }
                    ? nil : paths[index]
            case .bytes(let bytes):
                return bytes.withUnsafeBufferPointer { Self.writeFile(target, $0) } ? nil : paths[index]
            }
        }.compactMap { $0 }
        if let first = failures.first {
            throw Failure(description: "could not write \(first)" + (failures.count > 1 ? " and \(failures.count - 1) more" : ""))
        }
    }

    static func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Exchanges staging and output atomically where the system allows (Linux renameat2), else
    /// renames the old output aside first. Removes the old site afterwards.
    func swapIn(_ staging: URL, unique: String) throws {
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(unique)")
        if FileManager.default.fileExists(atPath: output.path) {
            if AtomicRename.exchange(staging.path, output.path) {
                // The new site is in place; the old one, now in the staging folder, goes. If that
                // fails the build still succeeded, and the next build removes the leftover.
                try? FileManager.default.removeItem(at: staging)
                return
            }
            try FileManager.default.moveItem(at: output, to: old)
        }
        try FileManager.default.moveItem(at: staging, to: output)
        if FileManager.default.fileExists(atPath: old.path) { try? FileManager.default.removeItem(at: old) }
    }

    /// Staging folders of builds that died (their process is gone).
    func removeAbandonedStaging(in parent: URL, name: String) {
        let prefixes = [".\(name).staging-", ".\(name).old-"]
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries {
            guard let prefix = prefixes.first(where: entry.hasPrefix),
                  let pid = entry.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }),
                  pid != getpid(), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
