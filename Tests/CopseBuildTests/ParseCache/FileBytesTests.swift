@testable import CopseBuild
import CopseTestSupport
import Foundation
import Testing

@Suite struct FileBytesTests {
    @Test func aFileReadsAsItsBytesAndAnythingElseAsNothing() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let sizes = [0, 1, 4095, 4096, 70_000, 200_001]
        for size in sizes {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let url = work.appendingPathComponent("file-\(size)")
            try Data(bytes).write(to: url)
            #expect(FileBytes.read(url.path) == bytes, "\(size) bytes")
            let link = work.appendingPathComponent("link-\(size)")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: url)
            #expect(FileBytes.read(link.path) == bytes, "a link to \(size) bytes")
        }
        #expect(FileBytes.read(work.appendingPathComponent("missing").path) == nil)
        #expect(FileBytes.read(work.path) == nil)
    }
}
