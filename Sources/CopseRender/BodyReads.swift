import Foundation

/// The pages whose text (their rendered Markdown) went into one output file, recorded while the
/// file's context or contents are made. Everything else a file shows of a page (its title, date,
/// summary, headings, links, evidence) comes from the page's front matter and the outline of its
/// Markdown; the text is read only through ``ViewModel/contentHTML(_:root:)``, which records it
/// here. An incremental build that finds none of these pages' text changed, and nothing else of
/// the site, need not make the file again. Safe to share between threads (the search index reads
/// pages on all cores).
package final class BodyReads: @unchecked Sendable {
    private let lock = NSLock()
    private var read: Set<String> = []

    package init() {}

    /// `source` (`content/...md`) was read.
    func add(_ source: String) {
        lock.withLock { _ = read.insert(source) }
    }

    /// The sources read, sorted.
    package var sources: [String] { lock.withLock { read.sorted() } }
}
