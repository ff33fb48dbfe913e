package extension UnsafeBufferPointer where Element == UInt8 {
    /// True when `pattern` stands at `index` (and fits before the end): the byte scanners'
    /// one comparison (page embedding, search text, the leak audit).
    @inlinable func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= count else { return false }
        for offset in pattern.indices where self[index + offset] != pattern[offset] { return false }
        return true
    }
}
