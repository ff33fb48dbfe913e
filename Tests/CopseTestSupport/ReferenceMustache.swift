import Mustache
import CopseTemplate
import Foundation

/// swift-mustache, set up as copse once used it, as the reference for copse's renderer.
package enum ReferenceMustache {
    package struct Escaping: MustacheContentType {
        package func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    package static let registered: Void = MustacheContentTypes.register(Escaping(), named: "COPSE_HTML")

    /// Compiles `source` the way copse compiles a theme template (pragma first).
    package static func template(_ source: String) throws -> MustacheTemplate {
        registered
        return try MustacheTemplate(string: HTMLEscaping.pragma + source)
    }
}

extension TemplateValue {
    /// The same value as swift-mustache takes it: the one bridge from copse's typed contexts to
    /// `Any`, for the tests that compare copse's renderer with swift-mustache.
    package var mustacheInput: Any {
        switch self {
        case .text(let text), .html(let text): text
        case .deferredHTML(let deferred): deferred.html
        case .number(let number): number
        case .bool(let flag): flag
        case .list(let items): items.map(\.mustacheInput)
        case .map(let map): Dictionary(map.entries.map { ($0.name, $0.value.mustacheInput) }) { first, _ in first }
        }
    }
}
