import Foundation

/// Reads the parts of a search index back as plain text, for the leak audit: every page's title
/// and words.
package enum SearchIndexText {
    /// Whether `path` (relative to the site root) is a part of the search index, which holds
    /// pages' words as numbers: `search/index-1.js`, `search/index-2.js`...
    package static func isPart(_ path: String) -> Bool {
        guard path.hasPrefix("search/index-"), path.hasSuffix(".js") else { return false }
        let number = path.dropFirst("search/index-".count).dropLast(3)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }

    static let partPrefix = "(window.copseSearchParts = window.copseSearchParts || []).push("

    /// The text of every page in `part` (the contents of a part, see ``isPart(_:)``): its title,
    /// words, tags and evidence summary; nil when it cannot be read as a part.
    package static func text(ofPart part: String) -> String? {
        guard part.hasPrefix(partPrefix), part.hasSuffix(");\n") else { return nil }
        let object: Index
        do {
            object = try JSONDecoder().decode(Index.self, from: Data(part.dropFirst(partPrefix.count).dropLast(3).utf8))
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
    /// What of a part the audit reads: the vocabulary and each page's row.
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
