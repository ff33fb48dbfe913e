import CopseCore
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

        /// Relative to the output folder; the output folder itself is `.`.
        var path: String
        var hash: ContentHash
        /// For a file rendered from a template: the hash of the theme, the template's name and the
        /// complete context (``Incremental/renderKey``). The same key renders the same bytes.
        var key: ContentHash?
        /// The pages whose text went into the file (``CopseRender/BodyReads``), as positions in
        /// ``BuildManifest/pages``; nil when not recorded (a file copied from `content/`, a folder).
        var reads: [Int]? = nil
        var stamp: FileStamp
        var kind: Kind
    }

    /// One Markdown file the build read.
    struct Page: Equatable, Sendable {
        /// `content/...md`.
        var source: String
        /// Its bytes' hash.
        var hash: ContentHash
    }

    /// What the site the build swapped out holds, kept as ``SpareSite`` for the next build: a
    /// listing relative to ``files`` (the two sites differ by a few paths at most, after an edit).
    struct Spare: Equatable, Sendable {
        /// ``SpareSite/folderHash(_:)`` of its folders (itself left out).
        var folderHash: ContentHash
        /// Paths of ``files`` (but `.`) that it does not hold.
        var missing: [String]
        /// What it holds that ``files`` does not list.
        var extra: [Extra]

        struct Extra: Equatable, Sendable {
            var path: String
            var isFolder: Bool
        }
    }

    /// Bumped whenever the format or the meaning of a field changes: an older or newer cache is
    /// ignored.
    static let formatVersion = 5

    /// The copse that wrote it (``BuildFingerprint/program``).
    var program: ContentHash
    /// Everything the build read (``BuildFingerprint``).
    var inputs: ContentHash
    /// Everything the build read but the text of its pages: ``BuildFingerprint/Hashes/frame``
    /// with every page's ``PageFacet``. Nil when a page did not parse.
    var site: ContentHash?
    /// Every Markdown file, in the order of the scan.
    var pages: [Page]
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
    /// Every file and folder of the output, the copse marker file included (the output folder
    /// itself as `.`), in the order the build listed them; no path twice.
    var files: [Entry]
    /// The site swapped out, when it was kept (see ``SpareSite``).
    var spare: Spare? = nil
    /// Each file's line as read from disk (see ``FileLines``); none when this manifest was not read.
    var lines = FileLines(bytes: [], ranges: [], withReads: false)

    /// The bytes of a read manifest's file lines (`f ...`), one range for each of ``files``: a
    /// later manifest whose file at the same place has the very same entry writes the very same
    /// line, so it copies it instead of formatting it again (most lines, after an edit). Not part
    /// of what a manifest says: any two are equal.
    struct FileLines: Equatable, Sendable {
        let bytes: [UInt8]
        let ranges: [Range<Int>]
        /// Whether the lines list each file's reads (the manifest had pages).
        let withReads: Bool

        static func == (_: FileLines, _: FileLines) -> Bool { true }
    }
}

extension BuildManifest {
    /// Why a cache file was not used.
    enum Rejection: Error, Equatable {
        /// Written by another version of the format: expected after an upgrade, not worth a word.
        case otherVersion
        /// Damaged, truncated or not a manifest at all.
        case damaged(String)
    }

    static func decode(_ text: String) -> Result<BuildManifest, Rejection> { decode(Array(text.utf8)) }
}
