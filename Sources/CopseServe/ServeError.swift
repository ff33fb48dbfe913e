/// Why `copse serve` could not start.
package enum ServeError: Error, Equatable, CustomStringConvertible {
    case portInUse(host: String, port: UInt16)
    case cannotListen(host: String, port: UInt16, reason: String)
    case badHost(String)
    case cannotPrepare(path: String, reason: String)
    case cannotWatch(String)

    package var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is already in use (by another copse serve, or another program)\n"
                + "    hint: pass --port with another number, or --port 0 to let copse pick a free port"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host) port \(port): \(reason)\n"
                + "    hint: ports below 1024 need root; pass --port 8080, or --port 0 for any free port"
        case .badHost(let host):
            return "--host '\(host)' is not an address of this machine\n"
                + "    hint: use 127.0.0.1 (only this machine, the default), ::1, or 0.0.0.0 (every network, to preview on a phone)"
        case .cannotPrepare(let path, let reason):
            return "cannot create the preview folder \(path): \(reason)\n"
                + "    hint: check that the hub's folder is writable"
        case .cannotWatch(let reason):
            return "\(reason)\n    hint: raise fs.inotify.max_user_watches, or pass --poll to look for changes every half second"
        }
    }
}
