import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// A failed write names its cause in plain words, at the output folder, and leaves no staging folder.
@Suite struct WriteFailureTests {
    @Test func eachCauseIsSaidInPlainWords() {
        #expect(WriteFailure(action: "write", path: "a/index.html", code: ENOSPC, others: 170).message
                == "no space left on the disk (could not write a/index.html and 170 more files)")
        #expect(WriteFailure.reason(EDQUOT) == "no space left on the disk")
        #expect(WriteFailure.reason(EROFS) == "the disk is read-only")
        #expect(WriteFailure.reason(EACCES) == "permission denied")
        #expect(WriteFailure.reason(EPERM) == "permission denied")
        #expect(WriteFailure.reason(ENAMETOOLONG) == "a file name is too long for the file system")
        #expect(WriteFailure.hint(ENOSPC).hasPrefix("free some space on the disk"))
        #expect(WriteFailure.hint(EROFS).hasPrefix("write the site to a folder on a writable disk"))
        #expect(WriteFailure.hint(EACCES).contains("permissions"))
        for code in [ENOSPC, EROFS, EACCES, EIO, EXDEV] {
            #expect(!WriteFailure.reason(code).contains("NSCocoaErrorDomain"))
            #expect(WriteFailure.hint(code).hasSuffix("the previous output was left as it was"))
        }
    }

    /// The output's parent folder is read-only: the build fails with "permission denied" at the
    /// output path and leaves nothing behind. Root ignores file permissions, so when the tests
    /// run as root the folder is writable after all and this test has nothing to check.
    @Test func aFolderThatCannotBeWrittenSaysPermissionDenied() throws {
        guard getuid() != 0 else { return }
        let work = try Fixtures.temporaryFolder()
        defer {
            chmod(work.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: work)
        }
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/basic/input"), to: work.appendingPathComponent("hub"))
        let locked = work.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        chmod(locked.path, 0o555)
        let report = Pipeline.run(Fixtures.options(root: work.appendingPathComponent("hub"), output: locked.appendingPathComponent("site")), write: true)
        #expect(!report.succeeded)
        let text = report.diagnostics.map(\.description).joined(separator: "\n")
        #expect(text.hasPrefix(locked.path + "/site:1:1: error: could not write the site: permission denied (could not create a folder in \(locked.path))"))
        #expect(text.contains("hint: check that you may write to the output folder"))
        #expect(!text.contains("Error Domain"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path) == [])
    }
}
