import CopseCore

/// Windows of five consecutive words, hashed: how the leak audit recognises a passage of one
/// text inside another, whatever markup, punctuation, case or line breaks surround it.
enum Shingles {
    /// Five words: ``each`` keeps the four before the current one in plain variables.
    static let width = 5

    /// One window: its hash, and the byte range of its words in the text it came from.
    struct Window {
        var hash: UInt64
        var start: Int
        var end: Int
    }

    /// Calls `body` for every window of `bytes`. Words are runs of ASCII letters and digits,
    /// compared without case; anything else separates them. With `markup`, tags (`<em>`) and
    /// escaped tags (`&lt;em&gt;`, as in a feed's HTML content) are skipped without separating
    /// words, so `<em>pair</em>s` is one word, as a reader sees it. A block tag (`<p>`, `<li>`,
    /// `<h2>`, `<td>`...) ends the run: five words that only follow each other across two blocks
    /// (a breadcrumb "Resources" then a page's title, a heading then the next paragraph) are not
    /// a passage, so text a page shows anyway is not mistaken for a leak.
    /// `blocks: false` lets runs cross block tags: for text that may be shown elsewhere without
    /// them (the search index is plain text).
    static func each(in bytes: UnsafeBufferPointer<UInt8>, markup: Bool, blocks: Bool = true, _ body: (Window) -> Void) {
        // The last five words' hashes and starts, oldest first: plain variables, not arrays, as
        // this runs for every word of the site.
        var (h0, h1, h2, h3): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var (s0, s1, s2, s3) = (0, 0, 0, 0)
        var count = 0
        var word: UInt64 = offsetBasis, wordStart = -1, wordEnd = 0
        @inline(__always) func endWord() {
            guard wordStart >= 0 else { return }
            count += 1
            if count >= width {
                let prime: UInt64 = 0x1000_0000_01b3
                let hash = (((h0 &* prime &+ h1) &* prime &+ h2) &* prime &+ h3) &* prime &+ word
                body(Window(hash: hash, start: s0, end: wordEnd))
            }
            (h0, h1, h2, h3) = (h1, h2, h3, word)
            (s0, s1, s2, s3) = (s1, s2, s3, wordStart)
            word = offsetBasis
            wordStart = -1
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if markup, byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&"), let (after, isBlock) = skippedMarkup(bytes, at: index) {
                if isBlock, blocks {
                    endWord()
                    count = 0
                }
                index = after
                continue
            }
            if let letter = Self.letter(byte) {
                if wordStart < 0 { wordStart = index }
                word = (word ^ UInt64(letter)) &* 0x100_0000_01b3
                wordEnd = index + 1
            } else {
                endWord()
            }
            index += 1
        }
        endWord()
    }
}

private extension Shingles {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Each byte lower-cased when it is an ASCII letter or digit, else 0: one load per byte of
    /// the site instead of three comparisons.
    static let letters: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        switch UInt8(value) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(value)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(value) + 32
        default: 0
        }
    }

    /// The byte lower-cased when it is an ASCII letter or digit, else nil.
    @inline(__always)
    static func letter(_ byte: UInt8) -> UInt8? {
        let letter = letters.withUnsafeBufferPointer { $0[Int(byte)] }
        return letter == 0 ? nil : letter
    }

    static let escapedOpen = Array("&lt;".utf8), escapedClose = Array("&gt;".utf8)

    /// Tags that start or end a block of text.
    static let blockTags: Set<UInt64> = Set(["p", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "thead", "tbody",
        "caption", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "nav", "header", "footer", "main", "article",
        "aside", "blockquote", "pre", "br", "hr", "title", "option", "label", "button", "figure", "figcaption",
        "summary", "details", "form", "fieldset", "legend"].map { packed(Array($0.utf8)) })

    /// Up to ten lower-case letters and digits packed into one number, six bits each.
    static func packed(_ name: [UInt8]) -> UInt64 {
        name.reduce(0) { $0 << 6 | UInt64($1 - 47) }
    }

    /// The index after a tag or an escaped tag starting at `index`, and whether it is a block tag
    /// (see ``blockTags``); nil when no tag starts there.
    static func skippedMarkup(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Bool)? {
        if bytes[index] == UInt8(ascii: "<") {
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
            return (end + 1, isBlock(bytes, nameAt: index + 1))
        }
        guard bytes[index] == UInt8(ascii: "&"), bytes.matches(escapedOpen, at: index) else { return nil }
        var end = index + escapedOpen.count
        while end < bytes.count, !bytes.matches(escapedClose, at: end) {
            // An escaped "<" that opens no tag (text like "a &lt; b"): give up at the first space.
            if bytes[end] == UInt8(ascii: " ") && end == index + escapedOpen.count { return nil }
            end += 1
        }
        return (min(end + escapedClose.count, bytes.count), isBlock(bytes, nameAt: index + escapedOpen.count))
    }

    /// Whether the tag name at `start` (after `<`, with an optional `/`) is a block tag.
    static func isBlock(_ bytes: UnsafeBufferPointer<UInt8>, nameAt start: Int) -> Bool {
        var position = start
        if position < bytes.count, bytes[position] == UInt8(ascii: "/") { position += 1 }
        var name: UInt64 = 0, length = 0
        while position < bytes.count, let letter = letter(bytes[position]) {
            length += 1
            guard length <= 10 else { return false }
            name = name << 6 | UInt64(letter - 47)
            position += 1
        }
        return length > 0 && blockTags.contains(name)
    }

}
