/// The path of a request as the preview server reads it: the raw, percent-encoded path split
/// into segments and decoded one by one, so that an encoded `/` (`%2f`) can never join two
/// segments, and anything that could climb out of the site is refused before any file is touched.
struct RequestPath: Equatable, Sendable {
    /// Decoded segments, without empty ones (`/a//b` is `a`, `b`).
    var segments: [String]
    /// The same segments as they were sent (still percent-encoded), for a redirect's address.
    var rawSegments: [String]
    /// The path ended with `/` (or was `/`).
    var trailingSlash: Bool

    /// Nil for a path the server refuses with 400: one that does not start with `/` (an absolute
    /// URL or `*`), a bad percent escape or UTF-8, or a segment that decodes to `.`, `..`, or
    /// holds `/`, `\`, NUL or another control character.
    init?(raw: String) {
        guard raw.hasPrefix("/") else { return nil }
        var segments: [String] = [], rawSegments: [String] = []
        for piece in raw.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(piece).removingPercentEncoding, Self.isAllowed(decoded) else { return nil }
            segments.append(decoded)
            rawSegments.append(String(piece))
        }
        self.segments = segments
        self.rawSegments = rawSegments
        self.trailingSlash = raw.hasSuffix("/")
    }

    /// `/a/b/`: the address of the folder this path names, built from the sent segments only.
    var folderAddress: String {
        "/" + rawSegments.map { $0 + "/" }.joined()
    }
}

private extension RequestPath {
    static func isAllowed(_ segment: String) -> Bool {
        guard segment != ".", segment != ".." else { return false }
        return !segment.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
    }
}
