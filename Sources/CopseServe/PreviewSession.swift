import Dispatch
import Foundation

/// A whole `copse serve` run: start, say where to look, serve until Ctrl-C or SIGTERM, stop.
package enum PreviewSession {
    package static func run(_ options: ServeOptions, log: @escaping @Sendable (String) -> Void) async throws {
        let signals = StopSignals.stream()
        let server = try PreviewServer(options: options, log: log)
        // Whichever comes first: the server started (or failed to), or a stop signal. A signal
        // during the first build stops the server without waiting for that build.
        let (events, event) = AsyncStream<Event>.makeStream()
        Task {
            do { event.yield(.started(try await server.start())) } catch { event.yield(.failed(error)) }
        }
        let watch = Task {
            for await _ in signals {
                event.yield(.stop)
                return
            }
        }
        defer { watch.cancel() }
        for await next in events {
            switch next {
            case .started(let address):
                log("Serving \(options.build.root.lastPathComponent) at \(address)  (Ctrl-C to stop)")
            case .failed(let error):
                await server.stop()
                throw error
            case .stop:
                await server.stop()
                log("Stopped.")
                return
            }
        }
    }

    /// ``run(_:log:)`` from synchronous code: the calling thread waits (the command line's).
    package static func runBlocking(_ options: ServeOptions, log: @escaping @Sendable (String) -> Void) throws {
        signal(SIGPIPE, SIG_IGN)
        let failure = Locked<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await run(options, log: log) } catch { failure.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = failure.current { throw error }
    }
}

private extension PreviewSession {
    enum Event: Sendable {
        case started(URL)
        case failed(any Error)
        case stop
    }
}
