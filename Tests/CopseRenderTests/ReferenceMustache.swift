import Mustache
@testable import CopseRender

/// swift-mustache, set up as copse once used it, as the reference for copse's renderer.
enum ReferenceMustache {
    struct Escaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    static let registered: Void = MustacheContentTypes.register(Escaping(), named: "COPSE_HTML")

    /// Compiles `source` the way copse compiles a theme template (pragma first).
    static func template(_ source: String) throws -> MustacheTemplate {
        registered
        return try MustacheTemplate(string: HTMLEscaping.pragma + source)
    }
}
