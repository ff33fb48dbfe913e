import CopseCore

/// Splits a page's text into the tokens of the search index, in one pass over its bytes.
enum SearchText {
    /// Appends the id of every whitespace-separated word of `text` to `ids`. With `html`, tags are
    /// skipped (a tag does not split a word: `<em>pair</em>s` is `pairs`, except the tags in
    /// ``breakTags``) and the entities cmark-gfm writes are decoded.
    static func tokenize<IDs: WordIDSink>(_ text: String, html: Bool, into ids: inout IDs, vocabulary: inout SearchVocabulary) {
        var text = text
        // Read once here: a static is looked up (swift_once) on every use, and these were used
        // for every tag and word of every page.
        let footnoteBackReference = Self.footnoteBackReference, footnoteReference = Self.footnoteReference
        let supClose = Self.supClose, breakTags = Self.breakTags
        text.withUTF8 { bytes in
            var token: [UInt8] = []
            token.reserveCapacity(64)
            func flush() {
                guard !token.isEmpty else { return }
                if token != footnoteBackReference {
                    ids.append(token.withUnsafeBufferPointer { vocabulary.add($0) })
                }
                token.removeAll(keepingCapacity: true)
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x20, 0x0A, 0x09, 0x0D:
                    flush()
                    index += 1
                case UInt8(ascii: "<") where html:
                    if breakTags.contains(where: { bytes.matches($0, at: index) }) { flush() }
                    if bytes.matches(footnoteReference, at: index) {
                        // A footnote's number is not part of the text: skip to the end of its <sup>.
                        while index < bytes.count, !bytes.matches(supClose, at: index) { index += 1 }
                        index += supClose.count
                    } else {
                        // Past the tag's `>` (or the end), found by memchr.
                        index = bytes.index(of: UInt8(ascii: ">"), from: index) + 1
                    }
                case UInt8(ascii: "&") where html:
                    index = decodeEntity(bytes, at: index, into: &token)
                default:
                    // The rest of the word up to a space, a tag or an entity, appended at once.
                    var end = index + 1
                    var ended = true
                    while end < bytes.count {
                        let next = bytes[end]
                        if next == 0x20 || next == 0x0A || next == 0x09 || next == 0x0D { break }
                        if html, next == UInt8(ascii: "<") || next == UInt8(ascii: "&") { ended = false; break }
                        end += 1
                    }
                    let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
                    if token.isEmpty, ended {
                        // A whole word between spaces (most of them): its id straight from the text.
                        if !word.elementsEqual(footnoteBackReference) { ids.append(vocabulary.add(word)) }
                    } else {
                        token.append(contentsOf: word)
                    }
                    index = end
                }
            }
            flush()
        }
    }
}

private extension SearchText {
    /// `↩`, the text of cmark-gfm's link back from a footnote: not a word anyone searches for.
    static let footnoteBackReference: [UInt8] = Array("↩".utf8)
    static let footnoteReference: [UInt8] = Array("<sup class=\"footnote-ref\">".utf8)
    static let supClose: [UInt8] = Array("</sup>".utf8)


    /// Tags that stand between words even without a space: line breaks, images, rules, and the
    /// superscript of a footnote reference (`word<sup>1</sup>`).
    static let breakTags: [[UInt8]] = ["<br", "<img", "<hr", "<sup", "<input", "<td", "<th", "<li"].map { Array($0.utf8) }

    /// Decodes the entity at `index` (`&amp;`, `&#39;`, `&#x2014;`...) into `token`; returns the
    /// index after it. An `&` that starts no entity is kept as it is.
    static func decodeEntity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into token: inout [UInt8]) -> Int {
        var end = index + 1
        while end < bytes.count, end - index <= 10, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            token.append(UInt8(ascii: "&"))
            return index + 1
        }
        let name = Array(bytes[(index + 1)..<end])
        if let named = namedEntities[name] {
            token.append(named)
            return end + 1
        }
        guard name.first == UInt8(ascii: "#") else {
            token.append(UInt8(ascii: "&"))
            return index + 1
        }
        let hex = name.count > 1 && (name[1] == UInt8(ascii: "x") || name[1] == UInt8(ascii: "X"))
        let digits = String(decoding: name.dropFirst(hex ? 2 : 1), as: UTF8.self)
        guard let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) else {
            token.append(UInt8(ascii: "&"))
            return index + 1
        }
        token.append(contentsOf: Array(String(Character(scalar)).utf8))
        return end + 1
    }

    static let namedEntities: [[UInt8]: UInt8] = [
        Array("amp".utf8): UInt8(ascii: "&"), Array("lt".utf8): UInt8(ascii: "<"), Array("gt".utf8): UInt8(ascii: ">"),
        Array("quot".utf8): UInt8(ascii: "\""), Array("apos".utf8): UInt8(ascii: "'"),
    ]
}
