import FlyingFox
import Foundation

/// Answers every request of `copse serve`: the events channel, then files of the built site with
/// the reload script (and the problems of a failed build) added to each HTML page.
struct PreviewHandler: HTTPHandler {
    let files: SiteFiles
    let state: Locked<SiteState>
    let channel: ReloadChannel

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return plain(.methodNotAllowed, "Only GET and HEAD are served here.\n", extra: [Self.allow: "GET, HEAD"])
        }
        if request.target.path() == ReloadScript.eventsPath { return events(head: request.method == .HEAD) }
        let response = respond(request)
        return request.method == .HEAD ? Self.headersOnly(response) : response
    }
}

private extension PreviewHandler {
    static let allow = HTTPHeader("Allow")
    static let retryAfter = HTTPHeader("Retry-After")

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        let raw = request.target.path()
        guard let path = RequestPath(raw: raw) else { return plain(.badRequest, "Bad request.\n") }
        let now = state.current
        guard now.hasSite else { return noSite(now) }
        switch files.resolve(path) {
        case .file(let file):
            return page(file, status: .ok, state: now) ?? notFound(now)
        case .redirect(let folder):
            let query = request.target.query()
            return HTTPResponse(statusCode: .found, headers: headers(type: ContentType.fallback, extra: [
                .location: query.isEmpty ? folder : folder + "?" + query,
            ]))
        case .notFound:
            return notFound(now)
        }
    }

    /// The same status and headers, with the body's length but not the body.
    static func headersOnly(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        if case .httpBody(let body) = response.payload, let count = body.count {
            response.headers[.contentLength] = String(count)
        }
        response.payload = .httpBody(HTTPBodySequence())
        return response
    }

    func events(head: Bool) -> HTTPResponse {
        let headers = headers(type: "text/event-stream; charset=utf-8", extra: [HTTPHeader("X-Accel-Buffering"): "no"])
        guard !head else { return HTTPResponse(statusCode: .ok, headers: headers) }
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: channel.subscribe()))
    }

    /// A file of the site; HTML gets the script and the overlay. Nil when it vanished meanwhile.
    func page(_ file: String, status: HTTPStatusCode, state: SiteState) -> HTTPResponse? {
        guard var body = FileManager.default.contents(atPath: file) else { return nil }
        let type = ContentType.of(file)
        if ContentType.isHTML(type) {
            let overlay = state.failed ? ProblemsOverlay.html(state.problems, lastGoodSite: true) : ""
            body = PageInjection.inject(overlay + ReloadScript.tag(build: state.build), into: body)
        }
        return HTTPResponse(statusCode: status, headers: headers(type: type), body: body)
    }

    func notFound(_ state: SiteState) -> HTTPResponse {
        if let file = files.notFoundPage, let response = page(file, status: .notFound, state: state) { return response }
        return plain(.notFound, "Not found.\n")
    }

    /// Before the first good build: a page that says the site is being built, or the problems.
    func noSite(_ state: SiteState) -> HTTPResponse {
        guard state.failed else {
            let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Building the site</title></head>"
                + "<body><main><p>copse is building the site; this page reloads when it is ready.</p></main>"
                + ReloadScript.tag(build: state.build) + "</body></html>\n"
            return HTTPResponse(statusCode: .serviceUnavailable, headers: headers(type: ContentType.html, extra: [Self.retryAfter: "1"]),
                                body: Data(page.utf8))
        }
        return HTTPResponse(statusCode: .internalServerError, headers: headers(type: ContentType.html),
                            body: Data(ProblemsOverlay.page(state.problems, build: state.build).utf8))
    }

    func plain(_ status: HTTPStatusCode, _ text: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(type: "text/plain; charset=utf-8", extra: extra), body: Data(text.utf8))
    }

    /// Every response: never cached (a preview must not show an old page), never sniffed.
    func headers(type: String, extra: [HTTPHeader: String] = [:]) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        for (name, value) in extra { headers[name] = value }
        return headers
    }
}
