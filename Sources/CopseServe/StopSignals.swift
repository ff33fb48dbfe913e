import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM, as an async sequence, so that `copse serve` can stop cleanly.
/// A second signal while stopping ends the process at once.
package enum StopSignals {
    package static func stream() -> AsyncStream<Int32> {
        AsyncStream { continuation in
            let count = Locked(0)
            var sources: [DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let seen = count.withLock { count -> Int in
                        count += 1
                        return count
                    }
                    if seen > 1 { exit(130) }
                    continuation.yield(number)
                }
                source.resume()
                sources.append(source)
            }
            keep.withLock { $0 += sources }
        }
    }
}

private let keep = Locked<[DispatchSourceSignal]>([])
