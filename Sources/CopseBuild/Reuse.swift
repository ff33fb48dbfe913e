import CopseCore
import CopseRender
import CopseTemplate
import Foundation

/// Deciding, file by file while the site is written, whether the current output already holds a
/// file's bytes.
struct Reuse: Sendable {
    /// The last build's files.
    let previous: PreviousFiles
    /// The current output, opened before any of its files is checked: a file is linked from the
    /// folder it was checked in. Nil when there is nothing to take from it.
    let current: FolderHandle?
    let theme: ContentHash?
    /// The leak audit looks for what it looked for when the current output was audited.
    let auditUnchanged: Bool
    /// By page number, whether the page's text changed since the last build; nil unless
    /// everything else is as it was (the site key matches).
    let textChanged: [Bool]?
    /// Each Markdown file's number (its position in the scan), by source path.
    let pageNumbers: [String: Int]
    /// The content hash of each file, for the next manifest.
    let hashes: HashSlots

    /// The file at `index` need not even be made: nothing of the site but its pages' text changed,
    /// and none of the pages whose text the file shows (see ``CopseRender/BodyReads``): its bytes
    /// are those the last build recorded, and the leak audit looks for what it looked for then.
    /// Then the recorded file is taken (made after all, should the writer find it nowhere).
    func untouched(at index: Int, path: String) -> OutputWriter.Placement? {
        guard auditUnchanged, let textChanged, let entry = previous[index, path], entry.kind == .generated, let reads = entry.reads,
              !reads.contains(where: { textChanged[$0] }) else { return nil }
        hashes.store(entry, at: index)
        return OutputWriter.Placement(contents: nil, recorded: entry.stamp, linkFrom: current)
    }

    /// Records the pages whose text the file at `index` read, for the next build.
    func recorded(_ reads: BodyReads, at index: Int) {
        hashes.store(reads: reads.sources.compactMap { pageNumbers[$0] }, at: index)
    }

    /// The key of a file rendered with `template` from `context` (nil without a theme hash).
    func renderKey(template: String, context: TemplateValue) -> ContentHash? {
        guard let theme else { return nil }
        var hasher = Hasher128()
        hasher.add(theme)
        hasher.add(template)
        hasher.add(context)
        return hasher.finish()
    }

    /// The file at `index` needs no rendering: the last build rendered it from the same key, and
    /// the leak audit found those bytes clean looking for what it looks for now. Then the recorded
    /// file is taken (rendered after all, should the writer find it nowhere), and neither rendered
    /// nor audited. Nil without `mayLink`.
    func unchanged(at index: Int, path: String, mayLink: Bool, key: ContentHash?) -> OutputWriter.Placement? {
        guard let key else { return nil }
        hashes.store(key: key, at: index)
        guard mayLink, auditUnchanged, let entry = previous[index, path], entry.kind == .generated, entry.key == key else { return nil }
        hashes.store(entry.hash, at: index)
        return OutputWriter.Placement(contents: nil, recorded: entry.stamp, linkFrom: current)
    }

    /// The placement of the file at `index`, and whether the leak audit may skip it (its bytes are
    /// those an audit looking for the same passages found clean). Reads a file copied from
    /// `content/` into `contents`, so that it is read once.
    func place(_ contents: inout OutputFile.Contents, at index: Int, path: String,
               isStatic: Bool) -> (OutputWriter.Placement, clean: Bool) {
        if case .copy(let url) = contents {
            // Unreadable: written as before, which reports it.
            guard let bytes = FileBytes.read(url.path) else { return (OutputWriter.Placement(contents: contents), false) }
            contents = .bytes(bytes)
        }
        let (hash, size): (ContentHash, Int)
        switch contents {
        case .text(var text): (hash, size) = text.withUTF8 { (ContentHash.of($0), $0.count) }
        case .bytes(let bytes): (hash, size) = (ContentHash.of(bytes), bytes.count)
        case .copy: preconditionFailure("read above")
        }
        hashes.store(hash, at: index)
        guard let entry = previous[index, path], entry.hash == hash, entry.kind == (isStatic ? .copied : .generated),
              entry.stamp.size == Int64(size) else {
            return (OutputWriter.Placement(contents: contents), false)
        }
        return (OutputWriter.Placement(contents: contents, recorded: entry.stamp, linkFrom: current), auditUnchanged)
    }
}

/// The last build's files, looked up by path. After an edit that adds, moves or deletes no page,
/// the two builds list the same paths in the same order, and a file is found at its own position
/// without a dictionary of tens of thousands of paths.
struct PreviousFiles: Sendable {
    private let files: [BuildManifest.Entry]
    /// Each file's position, by path; nil when `files` starts with exactly the paths of this build.
    private let positions: [String: Int]?

    /// `paths`: this build's files, in its order.
    init(_ files: [BuildManifest.Entry], paths: [String]) {
        self.files = files
        let aligned = files.count >= paths.count && zip(files, paths).allSatisfy { $0.path == $1 }
        positions = aligned ? nil : Dictionary(files.enumerated().lazy.map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry of the file at `path`, this build's file number `index`.
    subscript(index: Int, path: String) -> BuildManifest.Entry? {
        guard let positions else { return index < files.count ? files[index] : nil }
        return positions[path].map { files[$0] }
    }
}

/// What the next manifest records of each output file, each slot stored by the one task that
/// writes that file (and read once all are written): no lock. A raw buffer, not an array
/// property: concurrent writes to distinct elements of an array held in a class would trip
/// Swift's exclusivity checks.
final class HashSlots: @unchecked Sendable {
    struct Slot {
        /// The file's content hash.
        var hash: ContentHash?
        /// Its render key (``Reuse/renderKey``).
        var key: ContentHash?
        /// The pages whose text it shows.
        var reads: [Int]?
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: Slot(), count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(reads list: [Int], at index: Int) { slots[index].reads = list }

    func store(_ hash: ContentHash, at index: Int) { slots[index].hash = hash }

    func store(key: ContentHash, at index: Int) { slots[index].key = key }

    /// All the last build recorded of the file, for a file taken from its output as it is.
    func store(_ entry: BuildManifest.Entry, at index: Int) {
        slots[index] = Slot(hash: entry.hash, key: entry.key, reads: entry.reads)
    }

    subscript(index: Int) -> Slot { slots[index] }
}
