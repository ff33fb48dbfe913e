import CopseCore
import Foundation

/// The last build's linked site in the build cache (`.copse-cache/build/linked`): what the index
/// and link stages made of the pages, without the pages' parse (see ``LinkedSiteCoding``). Those
/// stages read only what a page's facet covers (its front matter and Markdown outline, see
/// ``PageFacet``) and the frame of the inputs (copse.yml, the options, every path), so a build
/// whose frame and facets are the last one's (an edit to pages' text, the common case) takes the
/// site from here instead of indexing and linking every page again.
///
/// Kept only when those stages had nothing to say, and never when copse.yml keeps raw HTML (which
/// files are published then depends on pages' text). The file holds the key it was saved under
/// and a checksum of itself: a file saved for other inputs, by another copse, or damaged is not
/// read, and the stages run as usual.
final class LinkedSiteFile: @unchecked Sendable {
    let path: String
    /// The frame of this build's inputs (``BuildFingerprint/Hashes/frame``).
    let frame: ContentHash
    private let lock = NSLock()
    private var took = false
    /// What this build saves into the cache on threads of its own: this file, and the parse
    /// cache (see ``ParseCache/endBuild(saving:)``). ``finishSaving()`` waits for all of it.
    let saving = DispatchGroup()

    init(folder: URL, frame: ContentHash) {
        path = folder.appendingPathComponent("linked").path
        self.frame = frame
    }

    /// This build took its site from the file.
    var tookSite: Bool { lock.withLock { took } }

    static let magic = Array("copse linked site\n".utf8)

    /// What the linked site is made from: the frame, and every parsed page's source and facet in
    /// order. Nil when it is not kept: a page without a facet, raw HTML kept, a file unreadable.
    func key(parsed: [ParsedPage], facets: FacetTable?, config: Config, unreadable: [String]) -> ContentHash? {
        // With no file unreadable, every file parsed: the pages are the table's, in its order.
        guard let facets, !config.markdown.unsafeHTML, unreadable.isEmpty, parsed.count == facets.sources.count else { return nil }
        var hasher = Hasher128()
        hasher.add(BuildFingerprint.program)
        hasher.add(LinkedSiteCoding.fingerprint)
        hasher.add(frame)
        hasher.add(UInt64(parsed.count))
        for (index, facet) in facets.inOrder.enumerated() {
            guard let facet, parsed[index].source == facets.sources[index] else { return nil }
            hasher.add(parsed[index].source)
            hasher.add(facet)
        }
        return hasher.finish()
    }

    /// The site saved under `key`, with `parsed` as its pages' parse; nil when there is none.
    func load(key: ContentHash, parsed: [ParsedPage], config: Config, today: Day) -> LinkedSite? {
        guard let bytes = FileBytes.read(path),
              let site = Self.decode(bytes, key: key, parsed: parsed, config: config, today: today) else { return nil }
        lock.withLock { took = true }
        return site
    }

    /// Saved on a thread of its own while the build goes on (``finishSaving()`` waits for it):
    /// written beside its place, then renamed into it. A site that cannot be saved is indexed and
    /// linked again by the next build, nothing worse.
    func save(_ linked: LinkedSite, key: ContentHash, parsed: [ParsedPage]) {
        let path = path
        DispatchQueue.global().async(group: saving) {
            guard let bytes = Self.encode(linked, key: key, parsed: parsed) else { return }
            let temporary = path + ".\(getpid())-\(UUID().uuidString.prefix(8))"
            if bytes.withUnsafeBufferPointer({ OutputWriter.writeFile(AT_FDCWD, temporary, $0) }) != nil || rename(temporary, path) != 0 {
                unlink(temporary)
            }
        }
    }

    /// Waits until what ``save(_:key:parsed:)`` (or another save in ``saving``) began is on disk
    /// (or given up).
    func finishSaving() { saving.wait() }

    static func encode(_ linked: LinkedSite, key: ContentHash, parsed: [ParsedPage]) -> [UInt8]? {
        guard let body = LinkedSiteCoding.encode(linked, parsed: parsed) else { return nil }
        var writer = ByteWriter(capacity: body.count + magic.count + 24)
        writer.raw(magic)
        writer.hash(key)
        writer.raw(body)
        writer.seal()
        return writer.bytes
    }

    /// The site, when `bytes` are a whole file saved under `key`.
    static func decode(_ bytes: [UInt8], key: ContentHash, parsed: [ParsedPage], config: Config, today: Day) -> LinkedSite? {
        guard bytes.count >= magic.count + 24 else { return nil }
        return bytes.withUnsafeBytes { all -> LinkedSite? in
            guard let body = Checksum64.body(of: all) else { return nil }
            var reader = ByteReader(body)
            do throws(ByteReader.Damaged) {
                try reader.expect(magic)
                guard try reader.hash() == key else { return nil }
                return LinkedSiteCoding.decode(UnsafeRawBufferPointer(rebasing: body[reader.position...]), parsed: parsed,
                                               config: config, today: today)
            } catch {
                return nil
            }
        }
    }
}
