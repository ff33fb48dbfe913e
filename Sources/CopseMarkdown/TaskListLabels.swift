/// cmark-gfm renders task-list boxes as unlabelled form controls, which screen readers announce
/// as just "checkbox". Each box gets an accessible name that says whether the task is done.
enum TaskListLabels {
    static let unchecked = Array("<input type=\"checkbox\" disabled=\"\" />".utf8)
    static let checked = Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" />".utf8)
    static let uncheckedLabelled = Array("<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done yet\" />".utf8)
    static let checkedLabelled = Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />".utf8)

    /// One pass over the bytes; text without task lists is returned as it is.
    static func apply(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let marker = Array("<input type=\"checkbox\"".utf8)
        var out: [UInt8] = []
        var index = 0
        var copiedUpTo = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            for (plain, labelled) in [(checked, checkedLabelled), (unchecked, uncheckedLabelled)]
            where index + plain.count <= bytes.count && bytes[index..<(index + plain.count)].elementsEqual(plain) {
                if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
                out.append(contentsOf: bytes[copiedUpTo..<index])
                out.append(contentsOf: labelled)
                index += plain.count
                copiedUpTo = index
                break
            }
            index += 1
        }
        guard copiedUpTo > 0 else { return html }
        out.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: out, as: UTF8.self)
    }
}
