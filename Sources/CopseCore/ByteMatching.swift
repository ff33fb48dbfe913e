import Foundation

package extension UnsafeBufferPointer where Element == UInt8 {
    /// True when `pattern` stands at `index` (and fits before the end): the byte scanners'
    /// one comparison (page embedding, search text, the leak audit).
    @inlinable func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= count else { return false }
        for offset in pattern.indices where self[index + offset] != pattern[offset] { return false }
        return true
    }

    /// Where `byte` next stands at or after `index`, found by memchr; `count` when it does not:
    /// the byte scanners' jump over the text between the bytes they look at.
    @inlinable func index(of byte: UInt8, from index: Int) -> Int {
        guard index < count, let base = baseAddress, let found = memchr(base + index, Int32(byte), count - index) else { return count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
