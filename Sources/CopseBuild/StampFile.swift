import Foundation

/// The stamp and hash of every file of `content/` as the last build's fingerprint found them
/// (`.copse-cache/build/stamps`): a build reads again only the files whose stamp changed since,
/// the check git's index makes (see ``BuildFingerprint/KnownFile``). `copse serve` keeps the same
/// in memory between its builds; this file gives `copse build` it too.
///
/// Trusted only when it was written by this copse for this content folder and is whole (its
/// checksum): anything else, and every file is read, as with no file at all. A file that cannot
/// be saved costs the next build that reading, nothing else.
final class StampFile: @unchecked Sendable {
    let path: String
    /// The content folder the stamps are of.
    let content: String
    private let saving = DispatchGroup()

    static let fileName = "stamps"
    static let magic = Array("copse content stamps\n".utf8)

    init(folder: URL, content: URL) {
        path = folder.appendingPathComponent(Self.fileName).path
        self.content = content.standardizedFileURL.path
    }

    /// The files as the last build found them; nil when there is no file this build may trust.
    func load() -> [String: BuildFingerprint.KnownFile]? {
        guard let bytes = FileBytes.read(path) else { return nil }
        return Self.decode(bytes, content: content)
    }

    /// Saved on a thread of its own while the build goes on (``finishSaving()`` waits for it):
    /// written beside its place, then renamed into it.
    func save(_ files: [(path: String, file: BuildFingerprint.KnownFile)]) {
        let (path, content) = (path, content)
        DispatchQueue.global().async(group: saving) {
            let bytes = Self.encode(files, content: content)
            let temporary = path + ".\(getpid())-\(UUID().uuidString.prefix(8))"
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
            } catch {
                return
            }
            if bytes.withUnsafeBufferPointer({ OutputWriter.writeFile(AT_FDCWD, temporary, $0) }) != nil || rename(temporary, path) != 0 {
                unlink(temporary)
            }
        }
    }

    /// Waits until what ``save(_:)`` began is on disk (or given up).
    func finishSaving() { saving.wait() }

    static func encode(_ files: [(path: String, file: BuildFingerprint.KnownFile)], content: String) -> [UInt8] {
        var writer = ByteWriter(capacity: 64 + files.count * 80)
        writer.raw(magic)
        writer.hash(BuildFingerprint.program)
        writer.string(content)
        writer.count(files.count)
        for (path, file) in files {
            writer.string(path)
            writer.int(Int(file.stamp.size))
            writer.unsigned(file.stamp.inode)
            writer.int(Int(file.stamp.modified))
            writer.int(Int(file.stamp.changed))
            writer.hash(file.hash)
            writer.bool(file.recent)
        }
        writer.seal()
        return writer.bytes
    }

    /// The files, when `bytes` are a whole file this copse wrote for `content`.
    static func decode(_ bytes: [UInt8], content: String) -> [String: BuildFingerprint.KnownFile]? {
        bytes.withUnsafeBytes { all -> [String: BuildFingerprint.KnownFile]? in
            guard let body = Checksum64.body(of: all) else { return nil }
            var reader = ByteReader(body)
            do throws(ByteReader.Damaged) {
                try reader.expect(magic)
                guard try reader.hash() == BuildFingerprint.program, try reader.string() == content else { return nil }
                // Each entry takes at least 21 bytes.
                let count = try reader.count(unit: 21)
                var files: [String: BuildFingerprint.KnownFile] = [:]
                files.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try reader.string()
                    let stamp = FileStamp(size: Int64(try reader.int()), inode: try reader.unsigned(),
                                          modified: Int64(try reader.int()), changed: Int64(try reader.int()))
                    files[path] = BuildFingerprint.KnownFile(stamp: stamp, hash: try reader.hash(), recent: try reader.bool())
                }
                return reader.isAtEnd ? files : nil
            } catch {
                return nil
            }
        }
    }
}
