/// The `id` attribute values in a piece of raw HTML, for checking `#fragment` links to them.
enum HTMLIDs {
    /// Values of ` id="…"` and ` id='…'`; a light scan, not a parser, which is enough for the
    /// anchors authors write by hand (`<a id="top"></a>`).
    static func find(in html: String) -> [String] {
        let bytes = Array(html.utf8)
        var ids: [String] = []
        var index = 0
        while index + 4 < bytes.count {
            let before = bytes[index]
            guard before == 0x20 || before == 0x09 || before == 0x0A,
                  bytes[index + 1] | 0x20 == UInt8(ascii: "i"), bytes[index + 2] | 0x20 == UInt8(ascii: "d"),
                  bytes[index + 3] == UInt8(ascii: "=") else {
                index += 1
                continue
            }
            let quote = bytes[index + 4]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
                  let end = bytes[(index + 5)...].firstIndex(of: quote) else {
                index += 1
                continue
            }
            ids.append(String(decoding: bytes[(index + 5)..<end], as: UTF8.self))
            index = end + 1
        }
        return ids
    }
}
