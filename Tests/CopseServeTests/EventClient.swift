import Foundation

/// A client of the server-sent events, reading on a thread of its own and keeping every `build`
/// event it got, for tests to wait for.
final class EventClient: Sendable {
    private let socket: Int32
    private let received = Events()

    init(port: UInt16) throws {
        socket = try RawHTTP.connect(port: port)
        try RawHTTP.send(socket, Array("GET /_copse/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
        let (socket, received) = (socket, received)
        Thread {
            var pending: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 {
                    if count < 0, errno == EAGAIN || errno == EINTR { continue }
                    received.close()
                    return
                }
                pending += buffer[0..<count]
                received.feed(&pending)
            }
        }.start()
    }

    /// The data of every `build` event so far.
    var builds: [String] { received.builds }
    var closed: Bool { received.isClosed }
    /// Everything read so far, as text.
    var transcript: String { received.transcript }

    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
    }

    deinit { Foundation.close(socket) }
}

private final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [String] = []
    private var text = ""
    private var ended = false

    var builds: [String] { lock.withLock { all } }
    var isClosed: Bool { lock.withLock { ended } }
    var transcript: String { lock.withLock { text } }

    func close() { lock.withLock { ended = true } }

    /// Takes every complete line out of `pending`; a `data:` line after `event: build` is a build.
    func feed(_ pending: inout [UInt8]) {
        while let newline = pending.firstIndex(of: 0x0A) {
            let line = String(decoding: pending[..<newline], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            pending.removeSubrange(...newline)
            lock.withLock {
                text += line + "\n"
                if line.hasPrefix("data: "), text.contains("event: build") { all.append(String(line.dropFirst(6))) }
            }
        }
    }
}
