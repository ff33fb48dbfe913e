import CopseCore
import Foundation

/// What the rest of the site can show of a page, as one hash: its front matter (as written) and
/// the outline of its Markdown (leading title, headings, links, other anchors, private passages),
/// but not its text. Two versions of a page with the same facet differ only in what
/// ``CopseRender/BodyReads`` records: an edit that keeps every page's facet changes only the files
/// that read the edited page's text.
enum PageFacet {
    static func of(bytes: [UInt8], page: ParsedPage) -> ContentHash {
        var hasher = Hasher128()
        hasher.add("facet 1")
        hasher.add(frontMatter(bytes, lines: page.bodyLineOffset))
        let markdown = page.markdown
        hasher.add(markdown.title.map { "t " + $0 } ?? "-")
        hasher.add(UInt64(markdown.headings.count))
        for heading in markdown.headings {
            hasher.add(UInt64(heading.level))
            hasher.add(heading.text)
            hasher.add(heading.id)
        }
        hasher.add(UInt64(markdown.links.count))
        for link in markdown.links {
            hasher.add(link.destination)
            hasher.add(UInt64(link.isImage ? 1 : 0) | UInt64(link.isWiki ? 2 : 0) | UInt64(link.hasLabel ? 4 : 0))
        }
        // Where links sit only orders them (and places diagnostics, which every build reports
        // afresh): the order is part of the facet, the lines and columns are not.
        let order = markdown.links.indices.sorted {
            (markdown.links[$0].line, markdown.links[$0].column, $0) < (markdown.links[$1].line, markdown.links[$1].column, $1)
        }
        for index in order { hasher.add(UInt64(index)) }
        hasher.add(UInt64(markdown.otherAnchors.count))
        for anchor in markdown.otherAnchors { hasher.add(anchor) }
        hasher.add(UInt64(markdown.privatePassages.count))
        for passage in markdown.privatePassages { hasher.add(passage) }
        hasher.add(UInt64(markdown.imagesWithoutDescription.count))
        return hasher.finish()
    }

    /// The first `lines` lines of `bytes`, newlines included, without a byte order mark (which
    /// the parse drops: an editor that adds or drops one changes nothing).
    static func frontMatter(_ bytes: [UInt8], lines: Int) -> ArraySlice<UInt8> {
        guard lines > 0 else { return [] }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var seen = 0
        for index in start..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
            seen += 1
            if seen == lines { return bytes[start...index] }
        }
        return bytes[start...]
    }
}

/// The facet of every page a build parsed, in the order of the build's Markdown files; filled on
/// all cores, each page's slot by the thread that parsed it (no lock: no two write one slot, and
/// nothing reads until the parse is over).
final class FacetTable: @unchecked Sendable {
    /// Every Markdown file's source (`content/...md`), in the scan's order.
    let sources: [String]
    private let slots: UnsafeMutableBufferPointer<ContentHash?>
    /// The hash of each file's bytes, as the parse read them (or as the fingerprint found them).
    private let bytes: UnsafeMutableBufferPointer<ContentHash?>

    init(sources: [String]) {
        self.sources = sources
        slots = .allocate(capacity: sources.count)
        slots.initialize(repeating: nil)
        bytes = .allocate(capacity: sources.count)
        bytes.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
        bytes.deinitialize()
        bytes.deallocate()
    }

    /// Stores the hash of the bytes of the file at `index` of ``sources``, when `source` is that
    /// file. Each index is stored by one thread only.
    func store(bytes hash: ContentHash, at index: Int, source: String) {
        guard index < sources.count, sources[index] == source else { return }
        bytes[index] = hash
    }

    /// The hash of each of ``sources``' bytes, in order (nil for a file that was not read).
    var bytesInOrder: [ContentHash?] { Array(bytes) }

    /// Stores the facet of the file at `index` of ``sources``, when `source` is that file (a
    /// parse of other files stores nothing).
    func store(_ facet: ContentHash, at index: Int, source: String) {
        guard index < sources.count, sources[index] == source else { return }
        slots[index] = facet
    }

    /// The facet of each of ``sources``, in order (nil for a file that did not parse).
    var inOrder: [ContentHash?] { Array(slots) }

    var all: [String: ContentHash] {
        var all: [String: ContentHash] = [:]
        for (source, facet) in zip(sources, slots) { all[source] = facet }
        return all
    }
}
