import FlyingSocks

/// The bytes of one client's event stream, as FlyingFox sends a body of unknown length
/// (chunked): each message in one piece, as soon as it is there.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            let taken = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(taken.count)
            return taken
        }

        /// Waits for the next message when nothing is left of the last; false when the stream ended.
        private mutating func fill() async -> Bool {
            while pending.isEmpty {
                guard let message = await base.next() else { return false }
                pending = message[...]
            }
            return true
        }
    }
}
