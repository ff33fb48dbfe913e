import Foundation

/// Reads a search index back as plain text, for the leak audit: every page's title and words.
public enum SearchIndexText {
    public static let path = SearchIndex.path

    /// The text of every page in `index` (the contents of `search/index.js`); nil when it cannot
    /// be read as an index.
    public static func text(ofIndex index: String) -> String? {
        let prefix = "window.copseSearchIndex = "
        guard index.hasPrefix(prefix) else { return nil }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(index.dropFirst(prefix.count).dropLast(2).utf8))
        } catch {
            return nil
        }
        guard let object = json as? [String: Any], let words = (object["words"] as? String)?.split(separator: " "),
              let pages = object["pages"] as? [[Any]] else { return nil }
        var lines: [String] = []
        for page in pages {
            guard page.count > 6, let title = page[1] as? String, let code = page[6] as? String else { continue }
            let text = SearchCode.decode(code).map { $0 < words.count ? String(words[$0]) : "" }
            lines.append(title + "\n" + text.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
