/// The `Content-Type` the preview server sends for a file, from its name's ending.
enum ContentType {
    static let html = "text/html; charset=utf-8"
    static let fallback = "application/octet-stream"

    /// The type for `name` (a file name or path); `application/octet-stream` when unknown.
    static func of(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return fallback }
        return byEnding[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    static func isHTML(_ type: String) -> Bool { type.hasPrefix("text/html") }
}

private extension ContentType {
    static let byEnding: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "webmanifest": "application/manifest+json",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "pdf": "application/pdf",
        "xml": "application/xml", "ics": "text/calendar; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8", "md": "text/plain; charset=utf-8",
        "woff2": "font/woff2", "woff": "font/woff",
        "mp3": "audio/mpeg", "mp4": "video/mp4", "webm": "video/webm",
        "zip": "application/zip",
    ]
}
