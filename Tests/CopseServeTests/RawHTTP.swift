import Foundation

/// A minimal HTTP/1.1 client on a plain socket, so that a test can send any request line at all
/// (raw `..`, `%2e%2e`, NUL, absolute URLs) exactly as written. Blocking calls run on
/// threads of their own (see ``offThread(_:)``).
enum RawHTTP {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `method target` and reads the whole answer (the server closes after it).
    static func request(port: UInt16, _ target: String, method: String = "GET") async throws -> Response {
        let bytes = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        let raw = try await offThread { () throws -> [UInt8] in
            let socket = try connect(port: port)
            defer { close(socket) }
            try send(socket, bytes)
            var answer: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count < 0 { throw Failure(description: "read failed: errno \(errno)") }
                if count == 0 { return answer }
                answer += buffer[0..<count]
            }
        }
        return try parse(raw, head: method == "HEAD")
    }

    /// A connected socket to 127.0.0.1:port, reads timing out after 30 s.
    static func connect(port: UInt16) throws -> Int32 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "connect failed: errno \(errno)")
        }
        return socket
    }

    static func send(_ socket: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
    }

    /// Runs blocking work on a thread of its own: not on Swift concurrency's threads (which the
    /// server answers on), and not on dispatch's shared pool (the build's parallel work runs there,
    /// and a pool full of waiting clients would hold up the build the clients wait for).
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

private extension RawHTTP {
    static func parse(_ raw: [UInt8], head: Bool) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, raw.count - 3)).first(where: { Array(raw[$0..<$0 + 4]) == separator }) else {
            throw Failure(description: "no complete response: \(String(decoding: raw, as: UTF8.self))")
        }
        let lines = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var bytes = [UInt8](data)[...], out = Data()
        while let lineEnd = bytes.firstIndex(of: 0x0D), let size = Int(String(decoding: bytes[..<lineEnd], as: UTF8.self), radix: 16), size > 0 {
            let start = lineEnd + 2
            guard start + size <= bytes.endIndex else { break }
            out.append(contentsOf: bytes[start..<start + size])
            bytes = bytes[(start + size + 2)...]
        }
        return out
    }
}
