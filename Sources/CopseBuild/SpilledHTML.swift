import CopseMarkdown
import Foundation
import Synchronization

/// The HTML of the pages one `copse build` parses, kept on disk instead of in memory (see
/// ``PageHTML``): a large hub's pages' HTML is tens of megabytes, and every page parses before
/// any is written. One file in the parse cache's folder, removed from the folder as soon as it is
/// opened, so that it goes when the build ends, however it ends. Each page's HTML is written at
/// its own offset as it parses (on every core at once), and read back, checked against the
/// checksum it was written with, each time it is asked for.
final class SpilledHTML: Sendable {
    private let descriptor: Int32
    private let end = Atomic<Int>(0)
    let reads: StoredHTMLReads

    /// Nil when the file cannot be made: the HTML then stays in memory.
    init?(folder: URL, reads: StoredHTMLReads) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(".html-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let opened = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard opened >= 0 else { return nil }
        unlink(path)
        descriptor = opened
        self.reads = reads
    }

    deinit { close(descriptor) }

    /// Moves `html`'s text out of memory into the file; it stays in memory when it cannot be
    /// written.
    func spill(_ html: PageHTML) {
        guard !html.isStored else { return }
        var text = html.value
        let stored = text.withUTF8 { bytes -> Page? in
            let offset = end.wrappingAdd(bytes.count, ordering: .relaxed).oldValue
            guard write(UnsafeRawBufferPointer(bytes), at: offset) else { return nil }
            return Page(file: self, offset: offset, length: bytes.count, checksum: Checksum64.of(UnsafeRawBufferPointer(bytes)))
        }
        if let stored { html.store(stored) }
    }

    /// One page's HTML in the file.
    struct Page: StoredHTML {
        let file: SpilledHTML
        let offset: Int
        let length: Int
        let checksum: UInt64

        var byteCount: Int { length }

        func load() -> String? {
            let text = file.read(offset: offset, length: length) { bytes -> String? in
                guard Checksum64.of(bytes) == checksum else { return nil }
                return String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
            }
            if text == nil { file.reads.failed() }
            return text
        }
    }
}

private extension SpilledHTML {
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool { PositionedIO.write(bytes, to: descriptor, at: offset) }

    func read<Result>(offset: Int, length: Int, _ body: (UnsafeRawBufferPointer) -> Result?) -> Result? {
        withUnsafeTemporaryAllocation(byteCount: max(length, 1), alignment: 8) { buffer in
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[..<length])
            return PositionedIO.fill(wanted, from: descriptor, at: offset) ? body(UnsafeRawBufferPointer(wanted)) : nil
        }
    }
}
