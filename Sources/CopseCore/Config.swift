/// The hub's settings, from `copse.yml`.
package struct Config: Sendable, Equatable {
    package var title: String
    package var description: String?
    package var baseURL: String?
    package var language: String
    package var theme: String
    /// The repository's web address, for "edit this page" links (see ``EditLink``).
    package var repository: String?
    /// The branch edit links open; default `main`.
    package var branch: String
    package var history: HistorySettings
    package var principles: [String]
    package var conferences: [Conference]
    package var markdown: MarkdownSettings
    /// `links:`: how a broken link is reported.
    package var links: LinkSettings
    /// Top-level keys of `copse.yml` whose value could not be read (each already reported at its
    /// line). Checks that depend on them, such as evidence against `principles`, are skipped, so
    /// one mistake in `copse.yml` gives one error.
    package var unread: Set<String>

    package struct Conference: Sendable, Equatable, Decodable {
        package var id: String
        package var name: String
        package var date: Day
        /// First day of the collection window; by default the day after the previous conference.
        package var starts: Day?
    }

    package struct MarkdownSettings: Sendable, Equatable, Decodable {
        package var unsafeHTML: Bool

        package init(unsafeHTML: Bool = false) { self.unsafeHTML = unsafeHTML }

        enum CodingKeys: String, CodingKey { case unsafeHTML = "unsafe_html" }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            unsafeHTML = try container.decodeIfPresent(Bool.self, forKey: .unsafeHTML) ?? false
        }
    }

    /// `links:`: whether a broken link fails the build (`error`, the default) or is reported and
    /// published as plain text (`warning`, for migrating an archive). Links to private or draft
    /// pages are errors whatever this says.
    package struct LinkSettings: Sendable, Equatable {
        package var broken: Diagnostic.Severity

        package init(broken: Diagnostic.Severity = .error) { self.broken = broken }
    }

    /// `history:`: what the pages say about their last change.
    package struct HistorySettings: Sendable, Equatable, Decodable {
        /// Show the name of the last commit's author (from git) beside the date.
        package var authors: Bool

        package init(authors: Bool = true) { self.authors = authors }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            authors = try container.decodeIfPresent(Bool.self, forKey: .authors) ?? true
        }

        enum CodingKeys: String, CodingKey { case authors }
    }

    package init(title: String, description: String? = nil, baseURL: String? = nil, language: String = "en",
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
