import CopseTestSupport
import Foundation
import Testing

/// Nothing outside this package uses its modules (copse ships as one executable), so a
/// declaration is `package` at most, never `public`: the compiler can then see every use.
@Suite struct AccessLevelTests {
    /// The one public declaration the language requires: a conformance, outside the package, of
    /// a type outside it (FileHandle) to a protocol outside it (TextOutputStream).
    static let required = ["Sources/copse/Copse.swift: public func write(_ string: String)"]

    @Test func noDeclarationInSourcesIsPublic() throws {
        let sources = Fixtures.repository.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 50)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where Self.declaresPublic(line) {
                found.append("Sources/\(file): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.filter { entry in !Self.required.contains { entry.hasPrefix($0) } } == [],
                "write package instead of public (see AccessLevelTests)")
    }

    @Test func theCheckSeesPublicAfterAttributesButNotInWords() {
        #expect(Self.declaresPublic("    public struct X {"))
        #expect(Self.declaresPublic("@inlinable public func f() {}"))
        #expect(Self.declaresPublic("public(set) var y = 0"))
        #expect(!Self.declaresPublic("    package struct X {"))
        #expect(!Self.declaresPublic("/// the page's public address"))
        #expect(!Self.declaresPublic("        public/"))
    }

    /// A line whose declaration starts with `public`, after any attributes.
    static func declaresPublic(_ line: Substring) -> Bool {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        while let first = words.first, first.hasPrefix("@") { words = words.dropFirst() }
        guard let first = words.first else { return false }
        return first == "public" || first.hasPrefix("public(")
    }
}
