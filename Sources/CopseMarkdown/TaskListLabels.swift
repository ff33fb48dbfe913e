import Foundation

/// cmark-gfm renders task-list boxes as unlabelled form controls, which screen readers announce
/// as just "checkbox". Each box gets an accessible name that says whether the task is done.
enum TaskListLabels {
    static let unchecked = Array("<input type=\"checkbox\" disabled=\"\" />".utf8)
    static let checked = Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" />".utf8)
    static let uncheckedLabelled = Array("<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done yet\" />".utf8)
    static let checkedLabelled = Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />".utf8)

    /// One pass over the bytes, from one `<` to the next (found by memchr); text without task
    /// lists is returned as it is.
    static func apply(_ html: String) -> String {
        var html = html
        let marker = Array("<input type=\"checkbox\"".utf8)
        let (checked, unchecked) = (Self.checked, Self.unchecked)
        let result: [UInt8]? = html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var out: [UInt8] = []
            var index = 0
            var copiedUpTo = 0
            while index + marker.count <= bytes.count,
                  let found = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard matches(marker, in: bytes, at: index) else {
                    index += 1
                    continue
                }
                guard let (plain, labelled) = [(checked, checkedLabelled), (unchecked, uncheckedLabelled)]
                    .first(where: { matches($0.0, in: bytes, at: index) }) else {
                    index += 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
                out.append(contentsOf: bytes[copiedUpTo..<index])
                out.append(contentsOf: labelled)
                // The next box may start right here.
                index += plain.count
                copiedUpTo = index
            }
            guard copiedUpTo > 0 else { return nil }
            out.append(contentsOf: bytes[copiedUpTo...])
            return out
        }
        return result.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    /// `pattern` is at `index` of `bytes`.
    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard let base = bytes.baseAddress, index + pattern.count <= bytes.count else { return false }
        return pattern.withUnsafeBufferPointer { wanted in
            wanted.baseAddress.map { memcmp(base + index, $0, pattern.count) == 0 } ?? true
        }
    }
}
