@testable import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// `copse serve` fingerprints its inputs before every quick rebuild; a file whose stamp is as the
/// last fingerprint found it is not read again, unless it was written too close to that
/// fingerprint for its stamp to tell a later write apart.
@Suite struct StampedFingerprintTests {
    @Test func aFileIsReadAgainOnlyWhenItsStampChangedOrIsRecent() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/evidence/input"), to: work)
        let options = Fixtures.options(root: work, output: work.appendingPathComponent("output"), gitDates: false)
        let found = ContentScanner(contentDirectory: work.appendingPathComponent("content")).scan()
        let first = try #require(BuildFingerprint.inputs(options, found: found, history: nil, known: [:]))
        let path = try #require(found.markdown.first)
        let file = try #require(first.files[path])
        // Just written (the fixture was copied a moment ago): not to be trusted next time.
        #expect(file.recent)
        let other = ContentHash(high: 1, low: 2)
        // A file known by its current stamp but with another hash: read again while recent...
        var known = first.files
        known[path] = BuildFingerprint.KnownFile(stamp: file.stamp, hash: other, recent: true)
        let again = try #require(BuildFingerprint.inputs(options, found: found, history: nil, known: known))
        #expect(again.pages["content/" + path] == file.hash)
        // ...and taken on trust once old enough (which is why the hash kept must be right).
        known[path] = BuildFingerprint.KnownFile(stamp: file.stamp, hash: other, recent: false)
        let trusted = try #require(BuildFingerprint.inputs(options, found: found, history: nil, known: known))
        #expect(trusted.pages["content/" + path] == other)
        // A new stamp is always read.
        known[path] = BuildFingerprint.KnownFile(stamp: FileStamp(size: 1, inode: 2, modified: 3, changed: 4), hash: other, recent: false)
        let changed = try #require(BuildFingerprint.inputs(options, found: found, history: nil, known: known))
        #expect(changed.pages["content/" + path] == file.hash)
        // Without known files nothing is stamped.
        #expect(try #require(BuildFingerprint.inputs(options, found: found, history: nil)).files.isEmpty)
    }
}
