import CopseCore

/// The box `copse serve` shows on every page while the last build failed: each problem with its
/// `path:line:col`, what is wrong and the hint. An `alertdialog` with a heading, dark text on
/// white with a red edge, every text escaped.
enum ProblemsOverlay {
    /// The overlay for `diagnostics` (errors first, then warnings, each in file order).
    static func html(_ diagnostics: [Diagnostic], lastGoodSite: Bool) -> String {
        let errors = diagnostics.errorCount
        let title = errors > 0 ? "The site could not be built: \(count(errors, "error"))" : "The site could not be built"
        let lead = lastGoodSite
            ? "This is the last good build. Fix the problems below and save: the page reloads by itself."
            : "Fix the problems below and save: the page reloads by itself."
        let items = ordered(diagnostics).map(item).joined()
        return """
        <div id="copse-problems" role="alertdialog" aria-labelledby="copse-problems-title" tabindex="-1" style="\(boxStyle)">
        <h2 id="copse-problems-title" style="\(text);margin:0 0 .5rem;font-size:1.25rem;font-weight:bold">\(escape(title))</h2>
        <p style="\(text);margin:0 0 .75rem">\(escape(lead))</p>
        <ol style="\(text);margin:0 0 .75rem;padding-left:1.5rem">\(items)</ol>
        <button type="button" id="copse-problems-hide" style="\(buttonStyle)">Hide</button>
        </div>

        """
    }

    /// A whole page for when there is no site to show yet (the first build failed).
    static func page(_ diagnostics: [Diagnostic], build: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>The site could not be built</title></head>
        <body style="margin:0;background:#fff;color:#111">
        <main>
        \(html(diagnostics, lastGoodSite: false))</main>
        \(ReloadScript.tag(build: build))</body>
        </html>

        """
    }
}

private extension ProblemsOverlay {
    static let boxStyle = [
        "position:fixed", "left:0", "right:0", "bottom:0", "z-index:2147483647", "max-height:70vh", "overflow:auto",
        "box-sizing:border-box", "padding:1rem 1.25rem", "background:#fff", "color:#111",
        "border-top:.4rem solid #b00020", "box-shadow:0 -.25rem 1rem rgba(0,0,0,.35)",
        "font:1rem/1.5 system-ui,-apple-system,'Segoe UI',sans-serif", "text-align:left",
    ].joined(separator: ";")

    /// Every element says its own colours: the page's stylesheet (a dark theme, say) must not
    /// make the box's text unreadable.
    static let text = "color:#111;background:#fff;font:inherit;text-align:left"

    static let buttonStyle = "font:inherit;padding:.25rem .9rem;color:#fff;background:#111;border:2px solid #111;border-radius:.25rem;cursor:pointer"

    static func item(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let place = "\(location.path):\(location.line):\(location.column)"
        let severity = diagnostic.severity == .error
            ? "<strong style=\"\(text);color:#b00020;font-weight:bold\">error</strong>"
            : "<strong style=\"\(text);color:#6b4e00;font-weight:bold\">warning</strong>"
        var item = "<li style=\"\(text);margin:0 0 .5rem\"><code style=\"\(code)\">\(escape(place))</code> \(severity): \(escape(diagnostic.message))"
        if let hint = diagnostic.hint {
            item += "<br><span style=\"\(text);color:#333\">hint: \(escape(hint))</span>"
        }
        return item + "</li>"
    }

    static let code = "color:#111;background:#fff;font-family:ui-monospace,monospace;font-size:.95em;font-weight:bold;padding:0;border:0"

    /// Errors, then warnings; problems in copse.yml first, since they cause others further down.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let rank = { (diagnostic: Diagnostic) -> Int in
            (diagnostic.severity == .error ? 0 : 2) + (diagnostic.location.path == "copse.yml" ? 0 : 1)
        }
        return diagnostics.sorted { (rank($0), $0) < (rank($1), $1) }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
