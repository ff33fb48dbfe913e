import CopseBuild
import FlyingFox
import FlyingSocks
import Foundation

/// `copse serve`: builds the hub into a folder of its own, serves it on this machine, and
/// rebuilds and reloads every open page when `copse.yml`, `content/` or `themes/` change.
/// Requests are answered while a rebuild runs; each build is swapped in whole.
package final class PreviewServer: Sendable {
    package let options: ServeOptions
    let state: Locked<SiteState>
    let channel: ReloadChannel
    let log: @Sendable (String) -> Void
    private let listen: ListenAddress
    private let http: HTTPServer
    private let running = Locked(Running())
    let buildQueue = DispatchQueue(label: "copse.serve.build")

    /// `log` gets one line per build (and nothing per request).
    package init(options: ServeOptions, log: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.log = log
        listen = try ListenAddress(host: options.host, port: options.port)
        let session = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        state = Locked(SiteState(session: session))
        channel = ReloadChannel(build: SiteState(session: session).build)
        let handler = PreviewHandler(files: SiteFiles(folder: options.siteFolder), state: state, channel: channel)
        http = HTTPServer(config: Self.configuration(listen.socket), handler: handler)
    }

    /// Listens, watches, builds once and returns the address to open. Throws ``ServeError``.
    package func start() async throws -> URL {
        try prepareFolder()
        let failure = Locked<(any Error)?>(nil)
        let server = Task { [http] in
            do { try await http.run() } catch { failure.withLock { $0 = error } }
        }
        running.withLock { $0.server = server }
        try await waitUntilListening(failure)
        switch await http.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port):
            return try await serve(at: listen.url(port: port))
        default:
            await stop()
            throw ServeError.cannotListen(host: listen.host, port: listen.port, reason: "no address")
        }
    }

    /// Stops watching and listening, and ends every open event stream. A build under way is
    /// left to finish on its own; nothing is announced after this returns.
    package func stop() async {
        let was = running.withLock { running -> Running in
            defer { running = Running(stopped: true) }
            return running
        }
        was.watcher?.stop()
        was.changes?.finish()
        was.rebuilds?.cancel()
        was.keepAlive?.cancel()
        channel.close()
        await http.stop(timeout: 0.25)  // event streams are already ended; other requests get a moment
        _ = await was.server?.value
    }

    /// How many pages are listening for reloads now.
    package var listeners: Int { channel.clientCount }

    /// The builds finished so far (good or failed).
    package var buildsFinished: Int { state.current.finished }
}

extension PreviewServer {
    /// What runs while the server does; all of it ends at ``stop()``.
    struct Running: Sendable {
        var stopped = false
        var server: Task<Void, Never>?
        var watcher: (any FileWatcher)?
        var changes: AsyncStream<Void>.Continuation?
        var rebuilds: Task<Void, Never>?
        var keepAlive: Task<Void, Never>?
    }

    var isStopped: Bool { running.withLock { $0.stopped } }
}

private extension PreviewServer {
    /// No log line per request or connection; a long timeout for the handler only (event streams
    /// are answered at once and then stream as long as the page is open).
    static func configuration(_ address: ListenAddress.Socket) -> HTTPServer.Configuration {
        switch address {
        case .ip4(let address): HTTPServer.Configuration(address: address, timeout: 60, logger: .disabled)
        case .ip6(let address): HTTPServer.Configuration(address: address, timeout: 60, logger: .disabled)
        }
    }

    func prepareFolder() throws {
        let parent = options.siteFolder.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ServeError.cannotPrepare(path: parent.path, reason: error.localizedDescription)
        }
    }

    func waitUntilListening(_ failure: Locked<(any Error)?>) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while await !http.isListening {
            if let error = failure.current { throw explain(error) }
            guard ContinuousClock.now < deadline else {
                throw ServeError.cannotListen(host: listen.host, port: listen.port, reason: "timed out")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    func explain(_ error: any Error) -> ServeError {
        guard case SocketError.failed(_, let number, let message) = error else {
            return .cannotListen(host: listen.host, port: listen.port, reason: "\(error)")
        }
        switch number {
        case EADDRINUSE: return .portInUse(host: listen.host, port: listen.port)
        case EADDRNOTAVAIL: return .badHost(listen.host)
        default: return .cannotListen(host: listen.host, port: listen.port, reason: message)
        }
    }

    /// Watch first (so that an edit made during the first build is not missed), then build,
    /// then rebuild on every burst of changes.
    func serve(at address: URL) async throws -> URL {
        let pending = Locked<Set<String>>([])
        let (signals, changes) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let watcher: any FileWatcher
        do {
            watcher = try FileWatchers.start(root: options.build.root, method: options.watch, quiet: options.quiet) { paths in
                pending.withLock { $0.formUnion(paths) }
                changes.yield()
            }
        } catch {
            await stop()
            throw ServeError.cannotWatch("\(error)")
        }
        running.withLock {
            $0.watcher = watcher
            $0.changes = changes
        }
        await rebuild(changed: [])
        let rebuilds = Task {
            for await _ in signals {
                let paths = pending.withLock { paths -> [String] in
                    defer { paths = [] }
                    return paths.sorted()
                }
                if !paths.isEmpty { await self.rebuild(changed: paths) }
            }
        }
        let keepAlive = Task { [channel, interval = options.keepAlive] in
            while (try? await Task.sleep(for: interval)) != nil { channel.keepAlive() }
        }
        running.withLock {
            $0.rebuilds = rebuilds
            $0.keepAlive = keepAlive
        }
        return address
    }
}
