/// Where "edit this page" goes: the page's source file in the web editor of the forge that
/// hosts the repository (`copse.yml`'s `repository:` and `branch:`).
///
/// - `repository:` with a `{path}` placeholder is a pattern: `{path}` becomes the file's path
///   from the repository root and `{branch}` the branch
///   (`https://git.example.org/hub/_edit/{branch}/{path}`).
/// - Otherwise the address follows the host's convention: github.com
///   `<repository>/edit/<branch>/<path>`, a host whose name contains "gitlab"
///   `<repository>/-/edit/<branch>/<path>`, anything else the Gitea and Forgejo (Codeberg)
///   `<repository>/_edit/<branch>/<path>`.
package struct EditLink: Sendable, Equatable {
    package enum Forge: Sendable, Equatable {
        case github, gitlab, gitea
        /// `repository:` holds `{path}`.
        case pattern
    }

    package let forge: Forge
    /// The repository address without a trailing `/` or `.git`, or the pattern as written.
    package let base: String
    /// Percent-encoded, `/` kept.
    package let branch: String

    package init(repository: String, branch: String) {
        self.branch = Self.encode(branch)
        if repository.contains("{path}") {
            forge = .pattern
            base = repository
            return
        }
        var base = repository
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix(".git") { base.removeLast(4) }
        self.base = base
        let host = Self.host(of: base)
        forge = host == "github.com" || host == "www.github.com" ? .github : host.contains("gitlab") ? .gitlab : .gitea
    }

    /// The edit address of the file at `path` from the repository root (`hub/content/index.md`).
    package func url(path: String) -> String {
        let encoded = Self.encode(path)
        switch forge {
        case .github: return "\(base)/edit/\(branch)/\(encoded)"
        case .gitlab: return "\(base)/-/edit/\(branch)/\(encoded)"
        case .gitea: return "\(base)/_edit/\(branch)/\(encoded)"
        case .pattern: return base.replacing("{branch}", with: branch).replacing("{path}", with: encoded)
        }
    }

    /// Percent-encodes every byte of each `/`-separated segment except the unreserved ones
    /// (letters, digits, `-`, `.`, `_`, `~`), as RFC 3986 asks of a path segment.
    package static func encode(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension EditLink {
    /// `git.example.org` from `https://user@git.example.org:3000/hub`, lowercased.
    static func host(of address: String) -> String {
        var rest = Substring(address)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? authority
        return hostAndPort.prefix { $0 != ":" }.lowercased()
    }
}
