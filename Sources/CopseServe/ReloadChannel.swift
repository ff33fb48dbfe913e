import Foundation

/// The server-sent events every open page listens to. Each client gets, on connecting, the name
/// of the build being served, then one `build` event after every build; a comment line now and
/// then keeps proxies from closing the quiet stream. The page compares names (see ``ReloadScript``).
final class ReloadChannel: Sendable {
    private struct Clients {
        var streams: [UInt64: AsyncStream<[UInt8]>.Continuation] = [:]
        var lastID: UInt64 = 0
        var build: String
    }

    private let clients: Locked<Clients>

    init(build: String) {
        clients = Locked(Clients(build: build))
    }

    /// A new client's stream: how long to wait before reconnecting, then the current build.
    func subscribe() -> EventBytes {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        // Registered and told the current build under one lock, so no announcement falls between.
        let id = clients.withLock { clients -> UInt64 in
            clients.lastID += 1
            clients.streams[clients.lastID] = continuation
            continuation.yield(Array("retry: 500\n\n".utf8) + Self.buildEvent(clients.build))
            return clients.lastID
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.clients.withLock { $0.streams.removeValue(forKey: id) }
        }
        return EventBytes(stream: stream)
    }

    /// Tells every client that `build` is now served.
    func announce(_ build: String) {
        clients.withLock { clients in
            clients.build = build
            for continuation in clients.streams.values { continuation.yield(Self.buildEvent(build)) }
        }
    }

    /// A comment line, which clients ignore.
    func keepAlive() {
        clients.withLock { clients in
            for continuation in clients.streams.values { continuation.yield(Array(": keep-alive\n\n".utf8)) }
        }
    }

    /// Ends every stream (the server is stopping).
    func close() {
        let all = clients.withLock { clients -> [AsyncStream<[UInt8]>.Continuation] in
            defer { clients.streams = [:] }
            return Array(clients.streams.values)
        }
        for continuation in all { continuation.finish() }
    }

    var clientCount: Int { clients.withLock { $0.streams.count } }
}

private extension ReloadChannel {
    static func buildEvent(_ build: String) -> [UInt8] {
        Array("event: build\ndata: \(build)\n\n".utf8)
    }
}
