@testable import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// `copse build` keeps every content file's stamp and hash in the cache (`stamps`), so that the
/// next build reads only the files whose stamp changed; a file it cannot trust is not used.
@Suite struct StampFileTests {
    static let files: [String: BuildFingerprint.KnownFile] = [
        "index.md": .init(stamp: FileStamp(size: 120, inode: 7, modified: 1_700_000_000_123_456_789, changed: 1_700_000_000_223_456_789),
                          hash: ContentHash(high: 1, low: 2), recent: false),
        "communities/a b/meetings/ünïcode.md": .init(stamp: FileStamp(size: 0, inode: UInt64.max, modified: -5, changed: 0),
                                                     hash: ContentHash(high: .max, low: 0), recent: true),
    ]

    static func same(_ a: [String: BuildFingerprint.KnownFile]?, _ b: [String: BuildFingerprint.KnownFile]) -> Bool {
        guard let a, a.count == b.count else { return false }
        return a.allSatisfy { path, file in
            b[path].map { $0.stamp == file.stamp && $0.hash == file.hash && $0.recent == file.recent } ?? false
        }
    }

    @Test func filesReadBackAsWritten() {
        let bytes = StampFile.encode(Self.files.map { ($0.key, $0.value) }, content: "/hub/content")
        #expect(Self.same(StampFile.decode(bytes, content: "/hub/content"), Self.files))
        #expect(Self.same(StampFile.decode(StampFile.encode([], content: "/hub/content"), content: "/hub/content"), [:]))
    }

    @Test func aFileForAnotherContentFolderOrDamagedIsNotTrusted() {
        let bytes = StampFile.encode(Self.files.map { ($0.key, $0.value) }, content: "/hub/content")
        #expect(StampFile.decode(bytes, content: "/other/content") == nil)
        for length in 0..<bytes.count {
            #expect(StampFile.decode(Array(bytes.prefix(length)), content: "/hub/content") == nil, "cut at \(length)")
        }
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x40
            #expect(StampFile.decode(damaged, content: "/hub/content") == nil, "byte \(index)")
        }
    }

    /// A build writes every content file's stamp and true hash; the next build takes a file whose
    /// stamp is unchanged (and not too recent) from there instead of reading it.
    @Test func aBuildKeepsTheStampsAndTheNextBuildTrustsThem() throws {
        let hub = try CacheSafetyTests.Hub()
        defer { try? FileManager.default.removeItem(at: hub.work) }
        #expect(hub.build().succeeded)
        let file = StampFile(folder: hub.cache, content: hub.root.appendingPathComponent("content"))
        let kept = try #require(file.load())
        let found = ContentScanner(contentDirectory: hub.root.appendingPathComponent("content")).scan()
        #expect(Set(kept.keys) == Set(found.markdown + found.other))
        for (path, known) in kept {
            let onDisk = hub.root.appendingPathComponent("content/" + path).path
            #expect(known.hash == ContentHash.ofFile(onDisk), "\(path)")
            #expect(known.stamp == FileStamp(path: onDisk), "\(path)")
        }
        #expect(hub.build().upToDate)
        // A stamp file that vouches (falsely) for another hash of an unchanged, old file: the
        // build believes it, so its inputs are no longer the last build's.
        var forged = kept
        let path = try #require(found.markdown.first)
        forged[path]?.hash = ContentHash(high: 3, low: 4)
        forged[path]?.recent = false
        let bytes = StampFile.encode(forged.map { ($0.key, $0.value) }, content: file.content)
        try Data(bytes).write(to: URL(fileURLWithPath: file.path))
        #expect(!hub.build().upToDate)
    }
}
