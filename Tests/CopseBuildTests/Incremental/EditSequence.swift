import CopseBuild
import CopseCore
import CopseTestSupport
import Foundation

/// A seeded source of randomness (SplitMix64): the same seed gives the same edits.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A hub under random edits: the evidence fixture, plus pages the edits add (kept as values and
/// rewritten whole), a theme folder of its own, and the build options (today, git history).
struct EditedHub {
    /// A page the edits made.
    struct Page {
        var path: String
        var title: String
        var date: String?
        var tags: [String]
        var evidence: [String]?
        var paragraphs: [String]
        var links: [String]
        var visibility: String?
    }

    let root: URL
    var random: SeededGenerator
    var pages: [Page] = []
    var made = 0
    var today = Fixtures.today
    var history: GitHistory?
    var brokenLinks = "warning"
    var description = "A hub under random edits."

    static let principles = ["inclusive", "collaborative", "independent", "responsible"]
    static let syllables = ["ka", "lo", "mi", "tren", "sa", "vo", "pel", "dru", "ne", "fi", "gor", "ta", "wis", "ba", "qui", "ro", "zen", "pa", "lu", "chi"]

    /// Changes the output by hand now and then. Not while serving: the preview's site folder is
    /// serve's own, and a quick rebuild replaces only the files it makes again.
    let tampering: Bool

    init(root: URL, seed: UInt64, tampering: Bool = true) throws {
        self.root = root
        self.tampering = tampering
        random = SeededGenerator(state: seed)
        try Fixtures.copy(Fixtures.folder.appendingPathComponent("sites/evidence/input"), to: root)
        try Fixtures.copy(Fixtures.themes.appendingPathComponent("default"), to: root.appendingPathComponent("themes/default"))
        try writeConfig()
    }

    func options(output: URL, cache: URL?, parsed: ParseCache? = nil, quick: QuickRebuild? = nil) -> BuildOptions {
        var options = Fixtures.options(root: root, output: output, gitDates: history != nil, gitHistory: history)
        options.today = today
        options.cache = cache
        options.parsed = parsed
        options.quick = quick
        return options
    }

    /// Applies one random edit; returns what it did, for the failure message.
    mutating func edit() throws -> String {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<14: return try addPage()
        case 14..<28: return try changeText()
        case 28..<36:
            let title = sentence(3)
            return try changePage("title") { $0.title = title }
        case 36..<42:
            let tags = (0..<Int.random(in: 0...2, using: &random)).map { _ in ["pairs", "scratch", "assessment", "outdoors"].randomElement(using: &random)! }
            return try changePage("tags") { $0.tags = Array(Set(tags)).sorted() }
        case 42..<48:
            let evidence = Bool.random(using: &random) ? nil : Array(Self.principles.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            return try changePage("evidence") { $0.evidence = evidence }
        case 48..<52:
            let day = randomDay()
            return try changePage("date") { page in if page.date != nil { page.date = day } }
        case 52..<57:
            let visibility = [nil, "private: true", "draft: true"].randomElement(using: &random)!
            let outcome = try changePage("visibility") { $0.visibility = visibility }
            if visibility != nil { try mendLinks() }
            return outcome
        case 57..<62: return try renamePage()
        case 62..<67: return try deletePage()
        case 67..<71:
            description = sentence(4)
            try writeConfig()
            return "copse.yml: description"
        case 71..<73:
            brokenLinks = brokenLinks == "warning" ? "error" : "warning"
            try writeConfig()
            return "copse.yml: broken links are \(brokenLinks)"
        case 73..<77: return try editTheme()
        case 77..<80:
            today = Day(daysSinceEpoch: today.daysSinceEpoch + Int.random(in: 1...90, using: &random))
            return "today is \(today.iso)"
        case 80..<83:
            let path = "communities/leeds/picture-\(Int.random(in: 0..<3, using: &random)).svg"
            let title = sentence(2)
            try write(path, "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\(title)</title></svg>\n")
            return "static file \(path)"
        case 83..<86:
            var changes = history?.changes ?? [:]
            changes["communities/leeds/charter.md"] = LastChange(day: randomDayValue(), author: ["Ann", "Bo"].randomElement(using: &random)!)
            history = Bool.random(using: &random) ? GitHistory(changes: changes) : nil
            return "git history: \(history == nil ? "off" : "changed")"
        case 86..<92: return "nothing"
        default: return tampering ? "tamper: " + (try tamper()) : "nothing"
        }
    }
}

private extension EditedHub {
    mutating func sentence(_ words: Int) -> String { (0..<words).map { _ in randomWord() }.joined(separator: " ").capitalizedFirst }

    mutating func randomWord() -> String {
        Self.syllables.randomElement(using: &random)! + Self.syllables.randomElement(using: &random)!
    }

    mutating func randomDayValue() -> Day { Day(daysSinceEpoch: Fixtures.today.daysSinceEpoch + Int.random(in: -400...200, using: &random)) }
    mutating func randomDay() -> String { randomDayValue().iso }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeConfig() throws {
        let config = """
        title: Evidence Hub
        description: \(description)
        base_url: https://evidence.example.org/hub/
        principles: [inclusive, collaborative, independent, responsible]
        conferences:
          - id: "2026"
            name: Spring Gathering 2026
            date: 2026-03-14
          - id: "2027"
            name: Spring Gathering 2027
            date: 2027-03-13
        links:
          broken: \(brokenLinks)

        """
        try Data(config.utf8).write(to: root.appendingPathComponent("copse.yml"))
    }

    func text(of page: Page) -> String {
        var lines = ["---", "title: \"\(page.title)\""]
        if let date = page.date { lines.append("date: \(date)") }
        if !page.tags.isEmpty { lines.append("tags: [\(page.tags.joined(separator: ", "))]") }
        if let evidence = page.evidence {
            lines += ["evidence:", "  summary: \(page.title) was tried.", "  principles: [\(evidence.joined(separator: ", "))]"]
            if page.date == nil { lines.append("  conference: \"2027\"") }
        }
        if let visibility = page.visibility { lines.append(visibility) }
        lines += ["---", ""]
        for (index, paragraph) in page.paragraphs.enumerated() {
            lines += [paragraph, ""]
            if index < page.links.count { lines += ["See [[\(page.links[index])]].", ""] }
        }
        return lines.joined(separator: "\n")
    }

    mutating func paragraph() -> String { (0..<Int.random(in: 6...14, using: &random)).map { _ in randomWord() }.joined(separator: " ") + "." }

    mutating func addPage() throws -> String {
        made += 1
        let isMeeting = Bool.random(using: &random)
        let slug = "made-\(made)"
        let date = isMeeting ? randomDay() : nil
        let path = isMeeting ? "communities/\(["leeds", "york"].randomElement(using: &random)!)/meetings/\(date!)-\(slug).md"
                             : "resources/\(slug).md"
        // Links by wiki link to pages of the fixture and to pages made before (which may go).
        let targets = ["guide", "communities/leeds/charter", "communities/york/community"] + pages.map { ($0.path as NSString).deletingPathExtension }
        let title = sentence(3)
        let paragraphs = (0..<Int.random(in: 1...3, using: &random)).map { _ in paragraph() }
        let links = (0..<2).map { _ in targets.randomElement(using: &random)! }
        let page = Page(path: path, title: title, date: date, tags: [], evidence: nil, paragraphs: paragraphs, links: links, visibility: nil)
        pages.append(page)
        try write(path, text(of: page))
        return "add \(path)"
    }

    mutating func changeText() throws -> String {
        if !pages.isEmpty, Bool.random(using: &random) {
            let index = Int.random(in: 0..<pages.count, using: &random)
            let slot = Int.random(in: 0..<pages[index].paragraphs.count, using: &random)
            let fresh = paragraph()
            pages[index].paragraphs[slot] = fresh
            try write(pages[index].path, text(of: pages[index]))
            return "text of \(pages[index].path)"
        }
        let fixture = ["index.md", "communities/leeds/charter.md", "communities/york/meetings/2026-06-01-summer.md",
                       "communities/leeds/meetings/2026-09-01-private.md", "resources/guide.md"].randomElement(using: &random)!
        let url = root.appendingPathComponent("content").appendingPathComponent(fixture)
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        text += "\n\(paragraph())\n"
        try Data(text.utf8).write(to: url)
        return "text of \(fixture)"
    }

    mutating func changePage(_ what: String, _ change: (inout Page) -> Void) throws -> String {
        guard !pages.isEmpty else { return try addPage() }
        let index = Int.random(in: 0..<pages.count, using: &random)
        change(&pages[index])
        try write(pages[index].path, text(of: pages[index]))
        return "\(what) of \(pages[index].path)"
    }

    mutating func renamePage() throws -> String {
        guard !pages.isEmpty else { return try addPage() }
        let index = Int.random(in: 0..<pages.count, using: &random)
        made += 1
        let old = pages[index].path
        let folder = (old as NSString).deletingLastPathComponent
        let name = (old as NSString).lastPathComponent
        let renamed = name.hasPrefix("20") ? String(name.prefix(11)) + "renamed-\(made).md" : "renamed-\(made).md"
        pages[index].path = folder + "/" + renamed
        let content = root.appendingPathComponent("content")
        try FileManager.default.moveItem(at: content.appendingPathComponent(old), to: content.appendingPathComponent(pages[index].path))
        try mendLinks()
        return "rename \(old) to \(pages[index].path)"
    }

    mutating func deletePage() throws -> String {
        guard !pages.isEmpty else { return try addPage() }
        let page = pages.remove(at: Int.random(in: 0..<pages.count, using: &random))
        try FileManager.default.removeItem(at: root.appendingPathComponent("content").appendingPathComponent(page.path))
        try mendLinks()
        return "delete \(page.path)"
    }

    /// Mostly, links to a page that went (or went private) are mended soon after, as a person
    /// would; sometimes the broken link stays for a few builds (which then fail, or warn).
    mutating func mendLinks() throws {
        guard Int.random(in: 0..<4, using: &random) > 0 else { return }
        let visible = Set(pages.filter { $0.visibility == nil }.map { ($0.path as NSString).deletingPathExtension })
        for index in pages.indices {
            let mended = pages[index].links.map { $0.hasPrefix("communities/") && !$0.contains("/meetings/") || $0 == "guide" || visible.contains($0) ? $0 : "guide" }
            guard mended != pages[index].links else { continue }
            pages[index].links = mended
            try write(pages[index].path, text(of: pages[index]))
        }
    }

    mutating func editTheme() throws -> String {
        let (file, addition) = [("assets/style.css", "\n/* \(randomWord()) */\n"),
                                ("home.mustache", "{{! \(randomWord()) }}"),
                                ("meeting.mustache", "\n<!-- \(randomWord()) -->\n")].randomElement(using: &random)!
        let url = root.appendingPathComponent("themes/default").appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return "theme: no \(file)" }
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        text += addition
        try Data(text.utf8).write(to: url)
        return "theme file \(file)"
    }

    /// Changes the output by hand, as a person (or another program) might.
    mutating func tamper() throws -> String {
        let output = root.appendingPathComponent("output")
        let files = Fixtures.tree(output).keys.sorted()
        guard let path = files.randomElement(using: &random) else { return "no output" }
        let url = output.appendingPathComponent(path)
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            // Same size, other bytes, same modification time: only the change time tells.
            let data = try Data(contentsOf: url)
            let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]
            try Data(repeating: UInt8(ascii: "x"), count: data.count).write(to: url)
            if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
            return "overwrote \(path), keeping its size and time"
        case 1:
            try FileManager.default.removeItem(at: url)
            return "deleted \(path)"
        case 2:
            try Data("stray".utf8).write(to: output.appendingPathComponent("stray-\(randomWord()).html"))
            return "added a stray file"
        default:
            let handle = try FileHandle(forWritingTo: url)
            handle.seekToEndOfFile()
            handle.write(Data("!".utf8))
            try handle.close()
            return "appended to \(path)"
        }
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
