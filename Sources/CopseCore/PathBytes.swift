/// Paths (`communities/leeds/charter.md`, `resources/index.html`) taken apart as UTF-8 bytes,
/// for the stages that do it for every page and every link: grapheme breaking, which the
/// Character-based `split(separator: "/")` does at each character, is most of their cost.
///
/// Only the ASCII `/` is looked for, so the parts are those of `split(separator: "/")` for every
/// path whose slashes stand apart; one followed by a combining mark (U+0301, say) would be one
/// Character to `String`, and no separator, but is a separator here.
package enum PathBytes {
    /// The parts between slashes, as `path.split(separator: "/")` gives them: empty ones left
    /// out unless `keepingEmpty`, and at most `maxSplits + 1` parts.
    package static func parts(_ path: Substring, maxSplits: Int = .max, keepingEmpty: Bool = false) -> [Substring] {
        path.utf8.split(separator: slash, maxSplits: maxSplits, omittingEmptySubsequences: !keepingEmpty).map { Substring($0) }
    }

    package static func parts(_ path: String, maxSplits: Int = .max, keepingEmpty: Bool = false) -> [Substring] {
        parts(path[...], maxSplits: maxSplits, keepingEmpty: keepingEmpty)
    }

    /// The last non-empty part (`path.split(separator: "/").last`): a file's name; nil when
    /// the path is only slashes, or empty.
    package static func lastPart(_ path: String) -> Substring? {
        lastPart(path[...])
    }

    package static func lastPart(_ path: Substring) -> Substring? {
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return nil }
        let start = bytes[..<end].lastIndex(of: slash).map(bytes.index(after:)) ?? bytes.startIndex
        return path[start..<end]
    }

    /// The folder and the name of `path`, split at its last slash; no folder (`""`) without one.
    package static func splitFolder(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: slash) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }

    /// `path` without `suffix` when it ends with it (as bytes); nil when it does not.
    package static func dropping(suffix: String, from path: String) -> Substring? {
        guard path.utf8.count >= suffix.utf8.count, path.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) else { return nil }
        return path[..<path.utf8.index(path.endIndex, offsetBy: -suffix.utf8.count)]
    }

    /// The folder of `path`, before its last slash (as ``splitFolder(_:)``), without a copy.
    package static func folder(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: slash) else { return "" }
        return path[..<slash]
    }

    /// `path` taken from `folder` with `.` and `..` resolved and empty parts left out, the parts
    /// joined by slashes: `../norms.md` from `communities/leeds/meetings` is
    /// `communities/leeds/norms.md`. Nil when it climbs above the top (`content/`).
    package static func resolve(_ path: Substring, from folder: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folder.utf8.count + path.utf8.count + 1)
        var count = 0
        forEachPart(folder.utf8) { part in
            if count > 0 { bytes.append(slash) }
            bytes.append(contentsOf: part)
            count += 1
        }
        var climbedOut = false
        forEachPart(path.utf8) { part in
            if climbedOut || part.elementsEqual(CollectionOfOne(dot)) { return }
            if part.count == 2, part.allSatisfy({ $0 == dot }) {
                guard count > 0 else { climbedOut = true; return }
                bytes.removeSubrange((bytes.lastIndex(of: slash) ?? 0)...)
                count -= 1
                return
            }
            if count > 0 { bytes.append(slash) }
            bytes.append(contentsOf: part)
            count += 1
        }
        return climbedOut ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` is `lowercase` in any case of its ASCII letters (`README`, `ReadMe` for
    /// `readme`): `text.lowercased() == lowercase` when `lowercase` is ASCII letters in lower
    /// case without a `k` (the Kelvin sign lowercases to `k`; no other non-ASCII character
    /// lowercases to an ASCII letter alone).
    package static func equalsIgnoringCase(_ text: Substring, _ lowercase: String) -> Bool {
        text.utf8.elementsEqual(lowercase.utf8) { byte, lower in
            byte == lower || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte | 0x20 == lower)
        }
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// Calls `body` with each non-empty part of `path`, in order.
    private static func forEachPart(_ path: Substring.UTF8View, _ body: (Substring.UTF8View) -> Void) {
        var start = path.startIndex
        while start < path.endIndex {
            let end = path[start...].firstIndex(of: slash) ?? path.endIndex
            if start < end { body(path[start..<end]) }
            start = end < path.endIndex ? path.index(after: end) : end
        }
    }
}
