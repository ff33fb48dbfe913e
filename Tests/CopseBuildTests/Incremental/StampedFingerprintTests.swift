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

/// A build with no manifest to compare with hashes the pages as it parses them, instead of
/// reading every file once more beforehand: what it records must be the fingerprint a build
/// that reads them first finds, or the next build would not know its input unchanged.
@Suite struct DeferredFingerprintTests {
    func hub() throws -> (work: URL, options: BuildOptions, found: ContentScanner.Found) {
        let work = try Fixtures.temporaryFolder()
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/evidence/input"), to: work)
        var options = Fixtures.options(root: work, output: work.appendingPathComponent("output"), gitDates: false)
        options.cache = work.appendingPathComponent(".copse-cache/build")
        let found = ContentScanner(contentDirectory: work.appendingPathComponent("content")).scan()
        return (work, options, found)
    }

    @Test func theFrameCompletedWithThePagesHashesIsTheFingerprint() throws {
        let (work, options, found) = try hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let read = try #require(BuildFingerprint.inputs(options, found: found, history: nil, known: [:]))
        let frame = try #require(BuildFingerprint.frame(options, found: found, history: nil, known: [:]))
        let content = work.appendingPathComponent("content").path + "/"
        let completed = try #require(frame.completed(pageList: found.markdown.map { ContentHash.ofFile(content + $0) }))
        #expect(completed.inputs == read.inputs)
        #expect(completed.frame == read.frame && completed.theme == read.theme)
        #expect(completed.pageList == read.pageList && completed.paths == read.paths)
        #expect(completed.stamped.map { $0?.hash } == read.stamped.map { $0?.hash })
        #expect(frame.completed(pageList: found.markdown.dropFirst().map { ContentHash.ofFile(content + $0) }) == nil)
        #expect(frame.completed(pageList: [nil] + found.markdown.dropFirst().map { ContentHash.ofFile(content + $0) }) == nil)
        // Another page's bytes make another fingerprint.
        var other = found.markdown.map { ContentHash.ofFile(content + $0) }
        other[0] = ContentHash(high: 1, low: 2)
        #expect(try #require(frame.completed(pageList: other)).inputs != read.inputs)
    }

    @Test func aFirstBuildRecordsTheFingerprintAndTheStampsForTheNext() throws {
        let (work, options, found) = try hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let cache = try #require(options.cache)
        let first = Pipeline.run(options, write: true)
        #expect(first.succeeded && !first.upToDate)
        let manifest = try #require(BuildCache(folder: cache).load().0)
        let read = try #require(BuildFingerprint.inputs(options, found: found, history: nil, known: [:]))
        #expect(manifest.inputs == read.inputs)
        let stamps = try #require(StampFile(folder: cache, content: work.appendingPathComponent("content")).load())
        #expect(Set(stamps.keys) == Set(found.markdown + found.other))
        #expect(found.markdown.allSatisfy { stamps[$0]?.hash == read.pages["content/" + $0] })
        #expect(Pipeline.run(options, write: true).upToDate)
    }
}
