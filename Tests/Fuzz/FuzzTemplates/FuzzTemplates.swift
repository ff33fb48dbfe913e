import CopseRender

/// libFuzzer entry point: the input is split at form feeds (`\f`) into the templates `layout`,
/// `page`, `partials/a` and `partials/b`, so partials and parents can reach each other, then
/// compiled and checked as a theme's template set, and rendered when the check passes.
@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let names = ["layout", "page", "partials/a", "partials/b"]
    let parts = text.split(separator: "\u{0C}", maxSplits: names.count - 1, omittingEmptySubsequences: false)
    var sources: [String: String] = [:]
    for (name, part) in zip(names, parts) { sources[name] = String(part) }
    _ = Theme.checkAndRender(sources)
    return 0
}
