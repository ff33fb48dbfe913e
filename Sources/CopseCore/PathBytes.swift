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
        var (path, folder) = (path, folder)
        return folder.withUTF8 { folder in path.withUTF8 { path in resolve(path, from: folder) } }
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

    /// ``resolve(_:from:)`` on the bytes, written straight into the new string (its parts, one
    /// slash each between them, are never longer than the two together and a slash).
    private static func resolve(_ path: UnsafeBufferPointer<UInt8>, from folder: UnsafeBufferPointer<UInt8>) -> String? {
        var climbedOut = false
        let resolved = String(unsafeUninitializedCapacity: folder.count + path.count + 1) { out in
            var length = 0, count = 0
            func add(_ bytes: UnsafeBufferPointer<UInt8>, resolvingDots: Bool) {
                var start = 0
                while start < bytes.count, !climbedOut {
                    var end = start
                    while end < bytes.count, bytes[end] != slash { end += 1 }
                    let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    start = end + 1
                    if part.isEmpty || (resolvingDots && part.count == 1 && part[0] == dot) { continue }
                    if resolvingDots, part.count == 2, part[0] == dot, part[1] == dot {
                        guard count > 0 else { climbedOut = true; return }
                        repeat { length -= 1 } while length > 0 && out[length] != slash
                        count -= 1
                        continue
                    }
                    if count > 0 { out[length] = slash; length += 1 }
                    (out.baseAddress! + length).initialize(from: part.baseAddress!, count: part.count)
                    length += part.count
                    count += 1
                }
            }
            add(folder, resolvingDots: false)
            add(path, resolvingDots: true)
            return climbedOut ? 0 : length
        }
        return climbedOut ? nil : resolved
    }
}
