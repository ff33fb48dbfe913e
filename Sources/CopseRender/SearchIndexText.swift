import Foundation

/// Reads a search index back as plain text, for the leak audit: every page's title and words.
public enum SearchIndexText {
    public static let path = SearchIndex.path

    /// The text of every page in `index` (the contents of `search/index.js`); nil when it cannot
    /// be read as an index.
    public static func text(ofIndex index: String) -> String? {
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
            let text = SearchCode.decode(code).map { $0 < words.count ? String(words[$0]) : "" }
            lines.append(title + "\n" + text.joined(separator: " "))
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

    /// One value of a page's row: text, or anything else.
    enum Cell: Decodable {
        case text(String)
        case other

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            do {
                self = .text(try container.decode(String.self))
            } catch {
                self = .other
            }
        }
    }
}
