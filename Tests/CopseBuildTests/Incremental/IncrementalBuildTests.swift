@testable import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation
import Testing

/// An incremental build writes exactly what a clean build of the same input writes.
/// Serialized: each case keeps a thread of the test pool busy for seconds, and the pool has one
/// thread per core; two at once would starve the suites that serve over HTTP.
@Suite(.serialized) struct IncrementalBuildTests {
    /// The seeds every run tries; `COPSE_EDIT_SEEDS=7,8,9` tries others, `COPSE_EDIT_STEPS=200`
    /// makes each sequence longer.
    static let seeds: [UInt64] = {
        let environment = ProcessInfo.processInfo.environment
        return environment["COPSE_EDIT_SEEDS"].map { $0.split(separator: ",").compactMap { UInt64($0) } } ?? [1, 2]
    }()
    static let steps = ProcessInfo.processInfo.environment["COPSE_EDIT_STEPS"].flatMap(Int.init) ?? 45

    /// As `copse build` builds, and as `copse serve` does (which also keeps the last build for a
    /// quick rebuild when only pages' text changed).
    @Test(arguments: seeds, [false, true]) func randomEditsBuildWhatACleanBuildBuilds(seed: UInt64, serving: Bool) throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        var hub = try EditedHub(root: work.appendingPathComponent("hub"), seed: seed, tampering: !serving)
        let output = hub.root.appendingPathComponent("output")
        let cache = work.appendingPathComponent("cache")
        // As copse serve builds (serving): the parsed pages of its last build kept in memory, then
        // the parse cache on disk, and the last build kept for a quick rebuild. As copse build: the
        // parse cache on disk only, through a cache of the build's own or of a serve just started.
        let memory = ParseCache()
        let quick = serving ? QuickRebuild() : nil
        var upToDate = 0, reused = 0, failed = 0, quickly = 0, reasons: [String] = [], fromDisk = 0, siteKept = 0
        for step in 0...Self.steps {
            let edit = step == 0 ? "first build" : try hub.edit()
            let before = Fixtures.tree(output)
            let parsed = serving ? memory : [nil, ParseCache()][step % 2]
            let incremental = Pipeline.run(hub.options(output: output, cache: cache, parsed: parsed, quick: quick), write: true)
            if !serving { fromDisk += parsed?.disk?.hitCount ?? 0 }
            let clean = work.appendingPathComponent("clean-\(step)")
            let reference = Pipeline.run(hub.options(output: clean, cache: nil), write: true)
            let context = "seed \(seed)\(serving ? " serving" : ""), step \(step) (\(edit))"
            try #require(incremental.succeeded == reference.succeeded,
                         "\(context): the incremental build \(incremental.succeeded ? "succeeded" : "failed"), a clean one did not: \(reference.diagnostics.map(\.message))")
            #expect(incremental.diagnostics == reference.diagnostics, "\(context)")
            #expect(incremental.cacheWarnings == [], "\(context)")
            if incremental.succeeded {
                let differences = Self.differences(Fixtures.tree(output), Fixtures.tree(clean))
                try #require(differences.isEmpty, "\(context): \(differences.joined(separator: "; "))")
                if incremental.upToDate { upToDate += 1 }
                if incremental.quick { quickly += 1 }
                if incremental.siteFromCache { siteKept += 1 }
                reused += incremental.reusedFiles
            } else {
                failed += 1
                reasons.append("step \(step) (\(edit)): \(reference.diagnostics.first { $0.severity == .error }.map { "\($0.location.path): \($0.message)" } ?? "?")")
                try #require(Self.differences(Fixtures.tree(output), before).isEmpty, "\(context): a failed build changed the output")
            }
            try? FileManager.default.removeItem(at: clean)
        }
        // The cache did its work: some builds had nothing to do, most files were linked.
        #expect(upToDate > 0, "seed \(seed): no build found its output up to date")
        #expect(reused > 0, "seed \(seed): no file was reused")
        #expect(!serving || quickly > 0, "seed \(seed): no quick rebuild while serving")
        #expect(serving || quickly == 0, "seed \(seed): a quick rebuild without serve")
        #expect(serving || fromDisk > 0, "seed \(seed): no page was read from the parse cache on disk")
        #expect(serving || siteKept > 0, "seed \(seed): no build took the linked site from the cache")
        #expect(failed < Self.steps / 2, "seed \(seed): \(failed) of \(Self.steps) builds failed; the edits test too little: \(reasons.joined(separator: "\n"))")
    }

    static func differences(_ actual: [String: Data], _ expected: [String: Data]) -> [String] {
        Set(expected.keys).subtracting(actual.keys).sorted().map { "missing \($0)" }
            + Set(actual.keys).subtracting(expected.keys).sorted().map { "unexpected \($0)" }
            + Set(actual.keys).intersection(expected.keys).sorted().filter { actual[$0] != expected[$0] }.map { "differs: \($0)" }
    }
}
