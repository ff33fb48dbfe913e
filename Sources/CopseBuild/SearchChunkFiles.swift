import CopseCore
import CopseRender
import Foundation

/// The search index's chunks of words in the build cache (`.copse-cache/build/search/`), one file
/// per chunk, named by the page the chunk starts at: a build after an edit to one page's text
/// tokenises one chunk of pages again instead of all of them (see ``CopseRender/SearchChunks``).
/// A file holds the hash of the key its chunk was made with, and a checksum of itself: a chunk
/// saved for other pages, by another copse, or damaged is not found, and is made again.
struct SearchChunkFiles: SearchChunkStore {
    let folder: URL

    init(folder: URL) { self.folder = folder }

    static let magic = Array("copse search chunk\n".utf8)

    func chunk(at start: Int, key: [String]) -> SearchChunks.Saved? {
        guard let bytes = FileBytes.read(path(start)) else { return nil }
        return Self.decode(bytes, digest: Self.digest(start: start, key: key))
    }

    /// Written beside its place, then renamed into it; a chunk that cannot be saved is made again
    /// by the next build, nothing worse.
    func save(_ chunk: SearchChunks.Saved, at start: Int, key: [String]) {
        let bytes = Self.encode(chunk, digest: Self.digest(start: start, key: key))
        let target = path(start)
        let temporary = folder.appendingPathComponent(".chunk-\(start).\(getpid())-\(UUID().uuidString.prefix(8))").path
        var failed = bytes.withUnsafeBufferPointer { OutputWriter.writeFile(AT_FDCWD, temporary, $0) } != nil
        if failed, (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil {
            failed = bytes.withUnsafeBufferPointer { OutputWriter.writeFile(AT_FDCWD, temporary, $0) } != nil
        }
        if failed || rename(temporary, target) != 0 { unlink(temporary) }
    }

    /// Removes the chunk files of chunks the site no longer has (it has other `starts` now). A
    /// chunk the build did not ask for because no part of the index holding it was made again
    /// (none of its pages' text changed) is kept: a later build may ask for it.
    func prune(keeping starts: [Int]) {
        let keep = Set(starts)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix("chunk-") && !(Int(name.dropFirst(6)).map(keep.contains) ?? false) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    private func path(_ start: Int) -> String { folder.appendingPathComponent("chunk-\(start)").path }
}

extension SearchChunkFiles {
    /// Names the chunk: the program that made it, where it starts, and every string of its key
    /// (by its length and two checksums of different seeds: ``Checksum64`` reads the tens of
    /// megabytes of a large hub's text several times as fast as ``Hasher128``).
    static func digest(start: Int, key: [String]) -> ContentHash {
        var hasher = Hasher128()
        hasher.add(BuildFingerprint.program)
        hasher.add(UInt64(start))
        hasher.add(UInt64(key.count))
        for var part in key {
            part.withUTF8 { utf8 in
                let bytes = UnsafeRawBufferPointer(utf8)
                hasher.add(UInt64(bytes.count))
                hasher.add(Checksum64.of(bytes))
                hasher.add(Checksum64.of(bytes, seed: 0x9E37_79B9_7F4A_7C15))
            }
        }
        return hasher.finish()
    }

    static func encode(_ chunk: SearchChunks.Saved, digest: ContentHash) -> [UInt8] {
        let size = chunk.arena.count + chunk.text.reduce(0) { $0 + $1.count } + chunk.evidence.reduce(0) { $0 + $1.count }
        var writer = ByteWriter(capacity: size + 4 * chunk.counts.count + 4 * chunk.text.count + 64)
        writer.raw(magic)
        writer.hash(digest)
        writer.count(chunk.arena.count)
        writer.raw(chunk.arena)
        writer.list(chunk.starts) { $0.count($1) }
        writer.list(chunk.counts) { $0.count($1) }
        writer.count(chunk.text.count)
        for (text, evidence) in zip(chunk.text, chunk.evidence) {
            writer.count(text.count)
            writer.raw(text)
            writer.count(evidence.count)
            writer.raw(evidence)
        }
        writer.seal()
        return writer.bytes
    }

    /// The chunk, when `bytes` are a whole chunk file saved under `digest`.
    static func decode(_ bytes: [UInt8], digest: ContentHash) -> SearchChunks.Saved? {
        guard bytes.count >= magic.count + 24 else { return nil }
        return bytes.withUnsafeBytes { all -> SearchChunks.Saved? in
            guard let body = Checksum64.body(of: all) else { return nil }
            var reader = ByteReader(body)
            do throws(ByteReader.Damaged) {
                try reader.expect(magic)
                guard try reader.hash() == digest else { return nil }
                let arena = try bytesRead(&reader)
                let starts = try reader.list { reader throws(ByteReader.Damaged) in try reader.natural() }
                let counts = try reader.list { reader throws(ByteReader.Damaged) in try reader.natural() }
                let pages = try reader.count(unit: 2)
                var text: [[UInt8]] = []
                var evidence: [[UInt8]] = []
                text.reserveCapacity(pages)
                evidence.reserveCapacity(pages)
                for _ in 0..<pages {
                    text.append(try bytesRead(&reader))
                    evidence.append(try bytesRead(&reader))
                }
                guard reader.isAtEnd else { return nil }
                return SearchChunks.Saved(arena: arena, starts: starts, counts: counts, text: text, evidence: evidence)
            } catch {
                return nil
            }
        }
    }

    private static func bytesRead(_ reader: inout ByteReader) throws(ByteReader.Damaged) -> [UInt8] {
        Array(try reader.slice(reader.count()).assumingMemoryBound(to: UInt8.self))
    }
}
