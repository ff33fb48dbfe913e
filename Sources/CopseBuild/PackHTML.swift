import CopseMarkdown
import Synchronization

/// A page's HTML in a parse cache pack (``StoredHTML``): the page's bytes are read again from the
/// pack, opened once for the build (so another build that removes the pack cannot take them
/// away), checked against the checksum they were written with, and the HTML's part decoded.
struct PackHTML: StoredHTML {
    let pack: PackFile
    /// The page's bytes in the pack, and their checksum.
    let offset: Int
    let length: Int
    let checksum: UInt64
    /// The HTML's bytes within the page's.
    let html: Range<Int>
    let reads: StoredHTMLReads

    var byteCount: Int { html.count }

    func load() -> String? {
        let text = pack.withBytes(offset: offset, length: length) { bytes -> String? in
            guard Checksum64.of(bytes) == checksum, html.upperBound <= bytes.count else { return nil }
            return String(validating: UnsafeRawBufferPointer(rebasing: bytes[html]).assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
        if text == nil { reads.failed() }
        return text
    }
}

/// Whether a build may keep its pages' HTML out of memory (see ``PageHTML``), and whether any of
/// it could not be read back: then the build must write nothing, since a page would be missing
/// its text. Only a build that writes the site and then ends (`copse build`) stores HTML: it
/// checks this before the new site is swapped in.
package final class StoredHTMLReads: Sendable {
    private let failures = Atomic<Int>(0)

    package init() {}

    /// Called when a page's HTML could not be read back as it was stored.
    package func failed() { failures.add(1, ordering: .relaxed) }

    /// How many reads failed so far.
    package var failureCount: Int { failures.load(ordering: .relaxed) }
}
