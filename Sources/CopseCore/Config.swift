/// The hub's settings, from `copse.yml`.
public struct Config: Sendable, Equatable {
    public var title: String
    public var description: String?
    public var baseURL: String?
    public var language: String
    public var theme: String
    /// The repository's web address, for "edit this page" links (see ``EditLink``).
    public var repository: String?
    /// The branch edit links open; default `main`.
    public var branch: String
    public var history: HistorySettings
    public var principles: [String]
    public var conferences: [Conference]
    public var markdown: MarkdownSettings
    /// `links:`: how a broken link is reported.
    public var links: LinkSettings
    /// Top-level keys of `copse.yml` whose value could not be read (each already reported at its
    /// line). Checks that depend on them, such as evidence against `principles`, are skipped, so
    /// one mistake in `copse.yml` gives one error.
    public var unread: Set<String>

    public struct Conference: Sendable, Equatable, Decodable {
        public var id: String
        public var name: String
        public var date: Day
        /// First day of the collection window; by default the day after the previous conference.
        public var starts: Day?
    }

    public struct MarkdownSettings: Sendable, Equatable, Decodable {
        public var unsafeHTML: Bool

        public init(unsafeHTML: Bool = false) { self.unsafeHTML = unsafeHTML }

        enum CodingKeys: String, CodingKey { case unsafeHTML = "unsafe_html" }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            unsafeHTML = try container.decodeIfPresent(Bool.self, forKey: .unsafeHTML) ?? false
        }
    }

    /// `links:`: whether a broken link fails the build (`error`, the default) or is reported and
    /// published as plain text (`warning`, for migrating an archive). Links to private or draft
    /// pages are errors whatever this says.
    public struct LinkSettings: Sendable, Equatable {
        public var broken: Diagnostic.Severity

        public init(broken: Diagnostic.Severity = .error) { self.broken = broken }
    }

    /// `history:`: what the pages say about their last change.
    public struct HistorySettings: Sendable, Equatable, Decodable {
        /// Show the name of the last commit's author (from git) beside the date.
        public var authors: Bool

        public init(authors: Bool = true) { self.authors = authors }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            authors = try container.decodeIfPresent(Bool.self, forKey: .authors) ?? true
        }

        enum CodingKeys: String, CodingKey { case authors }
    }

    public init(title: String, description: String? = nil, baseURL: String? = nil, language: String = "en",
                theme: String = "default", repository: String? = nil, branch: String = "main",
                history: HistorySettings = HistorySettings(), principles: [String] = [],
                conferences: [Conference] = [], markdown: MarkdownSettings = MarkdownSettings(),
                links: LinkSettings = LinkSettings(), unread: Set<String> = []) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.theme = theme
        self.repository = repository
        self.branch = branch
        self.history = history
        self.principles = principles
        self.conferences = conferences
        self.markdown = markdown
        self.links = links
        self.unread = unread
    }
}

extension Config {
    /// The file form: every key optional (a missing `title` is reported by the loader), so
    /// defaults stay in one place.
    struct File: Decodable {
        var title: String?
        var description: String?
        var base_url: String?
        var language: String?
        var theme: String?
        var repository: String?
        var branch: String?
        var history: HistorySettings?
        var principles: [String]?
        var conferences: [Conference]?
        var markdown: MarkdownSettings?
        var links: LinksFile?
    }

    struct LinksFile: Decodable {
        var broken: String?
    }

    static let knownKeys = ["title", "description", "base_url", "language", "theme", "repository", "branch",
                            "history", "principles", "conferences", "markdown", "links"]
    static let conferenceKeys = ["id", "name", "date", "starts"]
    static let markdownKeys = ["unsafe_html"]
    static let historyKeys = ["authors"]
    static let linksKeys = ["broken"]
}
