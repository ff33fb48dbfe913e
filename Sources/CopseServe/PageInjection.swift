import Foundation

/// Adds the reload script (and, after a failed build, the problems overlay) to an HTML page as
/// it is sent: just before its last `</body>`, or at its end when it has none.
enum PageInjection {
    static func inject(_ addition: String, into page: Data) -> Data {
        let bytes = [UInt8](page)
        var out = Data(capacity: bytes.count + addition.utf8.count)
        let at = lastBodyClose(in: bytes) ?? bytes.count
        out.append(contentsOf: bytes[..<at])
        out.append(contentsOf: Array(addition.utf8))
        out.append(contentsOf: bytes[at...])
        return out
    }
}

private extension PageInjection {
    /// Where the last `</body>` (in any letter case) starts.
    static func lastBodyClose(in bytes: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard bytes.count >= tag.count else { return nil }
        var start = bytes.count - tag.count
        while start >= 0 {
            if bytes[start] == 0x3C, (0..<tag.count).allSatisfy({ lowered(bytes[start + $0]) == tag[$0] }) {
                return start
            }
            start -= 1
        }
        return nil
    }

    static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
