import Foundation

/// Reads a search index back as plain text, for the leak audit: every page's title and words.
package enum SearchIndexText {
    package static let path = SearchIndex.path

    /// The text of every page in `index` (the contents of `search/index.js`): its title, words,
    /// tags and evidence summary; nil when it cannot be read as an index.
    package static func text(ofIndex index: String) -> String? {
        let prefix = "window.copseSearchIndex = "
        guard index.hasPrefix(prefix) else { return nil }
        let object: Index
        do {
            object = try JSONDecoder().decode(Index.self, from: Data(index.dropFirst(prefix.count).dropLast(2).utf8))
        } catch {
            return nil
        }
        let words = object.words.split(separator: " ")
        var lines: [String] = []
        for page in object.pages {
            guard page.count > 6, case .text(let title) = page[1], case .text(let code) = page[6] else { continue }
            let decoded = { (code: String) in SearchCode.decode(code).map { $0 < words.count ? String(words[$0]) : "" }.joined(separator: " ") }
            var line = title + "\n" + decoded(code)
            if page.count > 7, case .list(let tags) = page[7] {
                for case .text(let tag) in tags { line += "\n" + tag }
            }
            if page.count > 8, case .list(let evidence) = page[8], evidence.count > 2, case .text(let summary) = evidence[2] {
                line += "\n" + decoded(summary)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

private extension SearchIndexText {
    /// The parts of the index the audit reads: the vocabulary and each page's row.
    struct Index: Decodable {
        var words: String
        var pages: [[Cell]]
    }

    /// One value of a page's row: text, a list (tags, evidence), or anything else.
    indirect enum Cell: Decodable {
        case text(String)
        case list([Cell])
        case other

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let list = try? container.decode([Cell].self) {
                self = .list(list)
            } else {
                self = .other
            }
        }
    }
}
