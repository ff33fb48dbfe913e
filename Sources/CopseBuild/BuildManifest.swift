import Foundation

/// What the last successful build wrote, kept in `.copse-cache/build/manifest`: the fingerprint
/// of its inputs, the leak audit's, and each output file's content hash and stamp. A build reads it
/// to tell which files it need not write again (and whether it need do anything at all).
struct BuildManifest: Equatable, Sendable {
    /// One output file or folder.
    struct Entry: Equatable, Sendable {
        enum Kind: String, Sendable {
            /// A file copse made (a page, a feed, a theme asset).
            case generated = "g"
            /// A file copied from `content/` (the leak audit reads those differently).
            case copied = "s"
            /// A folder: its stamp changes when a file is added to it or taken from it.
            case folder = "d"
        }

        var hash: ContentHash
        var stamp: FileStamp
        var kind: Kind
    }

    /// Bumped whenever the format or the meaning of a field changes: an older or newer cache is
    /// ignored.
    static let formatVersion = 1

    /// The copse that wrote it (``BuildFingerprint/program``).
    var program: ContentHash
    /// Everything the build read (``BuildFingerprint``).
    var inputs: ContentHash
    /// The output folder the build swapped in.
    var output: String
    /// What the leak audit looked for (``LeakAudit/fingerprint``).
    var audit: ContentHash
    var pageCount: Int
    var auditedPages: Int?
    var auditedPassages: Int?
    /// The build reported no problem at all (no warning either): only then may a later build with
    /// the same inputs do nothing, since it has nothing to report.
    var quiet: Bool
    /// By path relative to the output folder; the copse marker file and every folder included
    /// (the output folder itself as `.`).
    var files: [String: Entry]
}

extension BuildManifest {
    /// The text written to disk: a header line, one line per field, one per file, and a last line
    /// holding the hash of all before it, so that a truncated or damaged file is never trusted.
    func encoded() -> String {
        var lines = ["copse-build-cache \(Self.formatVersion)",
                     "program \(program)", "inputs \(inputs)", "audit \(audit)",
                     "pages \(pageCount) \(auditedPages.map(String.init) ?? "-") \(auditedPassages.map(String.init) ?? "-")",
                     "quiet \(quiet ? 1 : 0)", "output \(output)"]
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            let stamp = entry.stamp
            lines.append("f \(entry.hash) \(stamp.size) \(stamp.inode) \(stamp.modified) \(stamp.changed) \(entry.kind.rawValue) \(path)")
        }
        let body = lines.joined(separator: "\n") + "\n"
        return body + "end \(ContentHash.of(body))\n"
    }

    /// Why a cache file was not used.
    enum Rejection: Error, Equatable {
        /// Written by another version of the format: expected after an upgrade, not worth a word.
        case otherVersion
        /// Damaged, truncated or not a manifest at all.
        case damaged(String)
    }

    static func decode(_ text: String) -> Result<BuildManifest, Rejection> {
        guard text.hasPrefix("copse-build-cache ") else { return .failure(.damaged("it is not a copse build cache")) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "copse-build-cache \(formatVersion)" else { return .failure(.otherVersion) }
        guard lines.last == "", lines.count >= 9 else { return .failure(.damaged("it is truncated")) }
        lines.removeLast()
        let end = lines.removeLast()
        let body = lines.joined(separator: "\n") + "\n"
        guard end.hasPrefix("end "), ContentHash(hex: end.dropFirst(4)) == ContentHash.of(body) else {
            return .failure(.damaged("its checksum does not match"))
        }
        func field(_ index: Int, _ name: String) -> Substring? {
            let line = lines[index]
            guard line.hasPrefix(name + " ") else { return nil }
            return line.dropFirst(name.count + 1)
        }
        let counts = field(4, "pages")?.split(separator: " ") ?? []
        guard let program = field(1, "program").flatMap(ContentHash.init(hex:)),
              let inputs = field(2, "inputs").flatMap(ContentHash.init(hex:)),
              let audit = field(3, "audit").flatMap(ContentHash.init(hex:)),
              counts.count == 3, let pages = Int(counts[0]),
              let quiet = field(5, "quiet"), quiet == "0" || quiet == "1",
              let output = field(6, "output")
        else { return .failure(.damaged("a field is missing or malformed")) }
        var files: [String: Entry] = [:]
        for line in lines[7...] {
            let parts = line.split(separator: " ", maxSplits: 7, omittingEmptySubsequences: false)
            guard parts.count == 8, parts[0] == "f", let hash = ContentHash(hex: parts[1]),
                  let size = Int64(parts[2]), let inode = UInt64(parts[3]), let modified = Int64(parts[4]),
                  let changed = Int64(parts[5]), let kind = Entry.Kind(rawValue: String(parts[6])), !parts[7].isEmpty
            else { return .failure(.damaged("a file entry is malformed")) }
            let stamp = FileStamp(size: size, inode: inode, modified: modified, changed: changed, isFolder: kind == .folder)
            files[String(parts[7])] = Entry(hash: hash, stamp: stamp, kind: kind)
        }
        return .success(BuildManifest(program: program, inputs: inputs, output: String(output), audit: audit, pageCount: pages,
                                      auditedPages: Int(counts[1]), auditedPassages: Int(counts[2]), quiet: quiet == "1",
                                      files: files))
    }
}
