import FlyingSocks
import Foundation

/// The socket address for `--host`, and the address a browser should open.
struct ListenAddress: Sendable {
    let host: String
    let port: UInt16
    let socket: Socket

    enum Socket: Sendable {
        case ip4(sockaddr_in)
        case ip6(sockaddr_in6)
    }

    init(host: String, port: UInt16) throws {
        let name = host == "localhost" ? "127.0.0.1" : host
        self.host = name
        self.port = port
        if name.contains(":") {
            guard let address = try? sockaddr_in6.inet6(ip6: name, port: port) else { throw ServeError.badHost(host) }
            socket = .ip6(address)
        } else {
            guard let address = try? sockaddr_in.inet(ip4: name, port: port) else { throw ServeError.badHost(host) }
            socket = .ip4(address)
        }
    }

    /// `http://127.0.0.1:8080/`; an address that means "every network" is opened on this machine.
    func url(port: UInt16) -> URL {
        let shown: String
        switch host {
        case "0.0.0.0": shown = "127.0.0.1"
        case "::": shown = "[::1]"
        default: shown = host.contains(":") ? "[\(host)]" : host
        }
        return URL(string: "http://\(shown):\(port)/")!
    }
}
