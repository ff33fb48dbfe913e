import Foundation

/// The watcher for systems without inotify: every half second it lists `copse.yml`, `content/`
/// and `themes/` (name, kind, size, modification time) and reports what differs from last time.
final class PollingWatcher: FileWatcher {
    private let stopping = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = Locked(false)

    init(root: String, quiet: Duration, interval: Duration = .milliseconds(500),
         onChange: @escaping @Sendable ([String]) -> Void) {
        let first = Self.snapshot(root: root)
        let (stopping, finished) = (self.stopping, self.finished)
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let thread = Thread {
            var last = first
            while stopping.wait(timeout: .now() + seconds) == .timedOut {
                let next = Self.snapshot(root: root)
                let changed = Set(last.keys).union(next.keys).filter { last[$0] != next[$0] }
                if !changed.isEmpty { onChange(changed.sorted()) }
                last = next
            }
            finished.signal()
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
        stopping.signal()
        finished.wait()
    }
}

private extension PollingWatcher {
    struct Entry: Equatable {
        var folder: Bool
        var size: Int64
        var modified: Int64
    }

    static func snapshot(root: String) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        var queue = [WatchFilter.configFile] + WatchFilter.folders
        while let path = queue.popLast() {
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }  // links are not followed: no loops
            let folder = info.st_mode & S_IFMT == S_IFDIR
            entries[path] = Entry(folder: folder, size: Int64(info.st_size), modified: modified(info))
            guard folder else { continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + path)) ?? []
            queue += names.filter { !WatchFilter.ignored($0) }.map { path + "/" + $0 }
        }
        return entries
    }

    static func modified(_ info: stat) -> Int64 {
        #if canImport(Darwin)
        return Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
