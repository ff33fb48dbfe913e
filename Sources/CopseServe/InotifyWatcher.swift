#if os(Linux)
import Foundation
import Glibc

/// Linux's inotify, straight from the C library: one watch on the hub's folder (for `copse.yml`,
/// and `content/` or `themes/` appearing) and one on every folder under `content/` and `themes/`,
/// added as folders appear. Events are read on a thread of their own and debounced there.
final class InotifyWatcher: FileWatcher {
    private let wakeWrite: Int32
    private let stopped = Locked(false)
    private let finished = DispatchSemaphore(value: 0)

    init(root: String, quiet: Duration, onChange: @escaping @Sendable ([String]) -> Void) throws {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw WatchFailure(description: "cannot watch for changes (inotify: \(String(cString: strerror(errno))))")
        }
        var wake: [Int32] = [0, 0]
        guard pipe(&wake) == 0 else {
            close(descriptor)
            throw WatchFailure(description: "cannot watch for changes (pipe: \(String(cString: strerror(errno))))")
        }
        // The watches exist before init returns: a change made right after is seen.
        var table = InotifyTable(descriptor: descriptor, root: root)
        table.watchHub()
        guard !table.exhausted else {
            close(descriptor)
            close(wake[0])
            close(wake[1])
            throw WatchFailure(description: "cannot watch every folder of the hub: the system's limit of inotify watches is reached")
        }
        wakeWrite = wake[1]
        let (wakeRead, done, watched) = (wake[0], finished, table)
        let thread = Thread {
            var loop = InotifyLoop(table: watched, wake: wakeRead, quiet: quiet, onChange: onChange)
            loop.run()
            close(descriptor)
            close(wakeRead)
            done.signal()
        }
        thread.name = "copse-watch"
        thread.start()
    }

    func stop() {
        let first = stopped.withLock { stopped -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        finished.wait()
        close(wakeWrite)
    }
}

/// The reading loop: waits for events or for the wake pipe, and hands on each burst.
private struct InotifyLoop {
    var table: InotifyTable
    let wake: Int32
    var debouncer: Debouncer<ContinuousClock.Instant>
    let onChange: @Sendable ([String]) -> Void

    init(table: InotifyTable, wake: Int32, quiet: Duration, onChange: @escaping @Sendable ([String]) -> Void) {
        self.table = table
        self.wake = wake
        self.debouncer = Debouncer(quiet: quiet, longest: .seconds(1))
        self.onChange = onChange
    }

    mutating func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let paths = debouncer.take(at: .now) { onChange(paths) }
            var descriptors = [pollfd(fd: table.descriptor, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, Self.milliseconds(debouncer.wait(at: .now)))
            if ready < 0, errno != EINTR { return }
            if descriptors[1].revents != 0 { return }
            if descriptors[0].revents != 0 { debouncer.note(drain(&buffer), at: .now) }
        }
    }

    /// Every event waiting, as changed paths that matter.
    mutating func drain(_ buffer: inout [UInt8]) -> [String] {
        var paths: [String] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(table.descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return paths }
            var offset = 0
            while offset + 16 <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { bytes in
                    (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                paths += table.handle(descriptor: descriptor, mask: mask, name: String(decoding: nameBytes, as: UTF8.self))
                offset += 16 + length
            }
        }
    }

    /// poll's timeout: -1 for none, else the wait rounded up to a whole millisecond.
    static func milliseconds(_ wait: Duration?) -> Int32 {
        guard let wait else { return -1 }
        let (seconds, attoseconds) = wait.components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
#endif
