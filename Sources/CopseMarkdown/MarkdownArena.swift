import CCmarkGFM
import Foundation

/// Memory for one thread's cmark-gfm parse and render, handed out from large blocks and taken
/// back all at once when the page is done.
///
/// cmark-gfm asks for every node, every text and every buffer step with `calloc` or `realloc`
/// and gives each back with `free`: over a hundred calls per page, most of them down glibc's
/// slow path (its `calloc` skips the per-thread cache). Here a call takes the next bytes of a
/// block, `free` does nothing, and the page's memory is reused for the next page on the same
/// thread. A full build runs about 3% fewer instructions (callgrind, 1,000 pages).
///
/// cmark-gfm's own arena is one for the whole process, so it cannot serve two threads. Its
/// allocator callbacks take no context, so each thread finds its arena through a thread-local key.
final class MarkdownArena {
    /// What cmark-gfm calls: allocations come from the calling thread's arena.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let pointer = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        pointer.initialize(to: cmark_mem(
            calloc: { count, size in MarkdownArena.withCurrent { $0.zeroed(count: count, size: size) } },
            realloc: { old, size in MarkdownArena.withCurrent { $0.resized(old, to: size) } },
            free: { _ in }
        ))
        return pointer
    }()

    /// Runs `body` with this thread's arena, then takes back everything allocated in it. Nil when
    /// the thread is already inside `body` (cmark-gfm then uses the system allocator).
    static func withThreadArena<T>(_ body: (UnsafeMutablePointer<cmark_mem>) -> T) -> T? {
        let arena = threadArena()
        guard !arena.inUse else { return nil }
        arena.inUse = true
        defer {
            arena.reset()
            arena.inUse = false
        }
        return body(allocator)
    }

    /// Bytes before each allocation: its size, so that `realloc` knows how much to copy. Sixteen
    /// keeps every allocation aligned as `malloc`'s are.
    static let header = 16
    /// A block's usual size; a larger allocation gets a block of its own.
    static let blockSize = 256 * 1024
    /// Blocks kept for the next page; the rest go back to the system.
    static let blocksKept = 4

    /// Where the next allocation goes, where the block being filled ends, and the last
    /// allocation's header (`realloc` of it grows in place): kept behind a pointer, because
    /// every read of a class's own stored property is checked for exclusive access, and these
    /// are read on every call.
    private struct Cursor {
        var next: UnsafeMutableRawPointer?
        var end: UnsafeMutableRawPointer?
        var last: UnsafeMutableRawPointer?
    }

    private let cursor: UnsafeMutablePointer<Cursor> = {
        let pointer = UnsafeMutablePointer<Cursor>.allocate(capacity: 1)
        pointer.initialize(to: Cursor())
        return pointer
    }()
    /// Blocks `0...current` hold this page's allocations; the ones after it are free.
    private var blocks: [UnsafeMutableRawPointer] = []
    private var sizes: [Int] = []
    private var current = -1
    private var inUse = false

    deinit {
        for block in blocks { free(block) }
        cursor.deallocate()
    }

    func zeroed(count: Int, size: Int) -> UnsafeMutableRawPointer? {
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, let pointer = allocate(total) else { return nil }
        memset(pointer, 0, total)
        return pointer
    }

    func resized(_ old: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer? {
        guard let old else { return allocate(size) }
        guard size >= 0, size < Int.max / 2 else { return nil }
        let start = old - Self.header
        let oldSize = start.load(as: Int.self)
        if start == cursor.pointee.last, let end = cursor.pointee.end, old + Self.rounded(size) <= end {
            start.storeBytes(of: size, as: Int.self)
            cursor.pointee.next = old + Self.rounded(size)
            return old
        }
        if size <= oldSize { return old }
        guard let new = allocate(size) else { return nil }
        memcpy(new, old, oldSize)
        return new
    }

    private func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        guard size >= 0, size < Int.max / 2 else { return nil }
        let needed = Self.header + Self.rounded(size)
        if !fits(needed) {
            guard nextBlock(fitting: needed) else { return nil }
        }
        guard let start = cursor.pointee.next else { return nil }
        start.storeBytes(of: size, as: Int.self)
        cursor.pointee.next = start + needed
        cursor.pointee.last = start
        return start + Self.header
    }

    private func fits(_ needed: Int) -> Bool {
        guard let next = cursor.pointee.next, let end = cursor.pointee.end else { return false }
        return next + needed <= end
    }

    /// Makes the next block one that can take `needed` bytes: a free one, or a new one.
    private func nextBlock(fitting needed: Int) -> Bool {
        let next = current + 1
        var found = next
        while found < blocks.count, sizes[found] < needed { found += 1 }
        if found == blocks.count {
            let size = max(Self.blockSize, needed)
            guard let block = malloc(size) else { return false }
            blocks.append(block)
            sizes.append(size)
        }
        blocks.swapAt(found, next)
        sizes.swapAt(found, next)
        current = next
        cursor.pointee = Cursor(next: blocks[next], end: blocks[next] + sizes[next], last: nil)
        return true
    }

    /// Takes back the page's memory, keeping a few blocks of the usual size for the next page.
    private func reset() {
        var kept = 0
        for index in blocks.indices {
            if sizes[index] == Self.blockSize, kept < Self.blocksKept {
                blocks[kept] = blocks[index]
                sizes[kept] = sizes[index]
                kept += 1
            } else {
                free(blocks[index])
            }
        }
        blocks.removeSubrange(kept...)
        sizes.removeSubrange(kept...)
        current = -1
        cursor.pointee = Cursor()
    }

    private static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        guard pthread_key_create(&key, { pointer in
            guard let pointer else { return }
            Unmanaged<MarkdownArena>.fromOpaque(pointer).release()
        }) == 0 else { fatalError("cmark-gfm: no thread-local key for the Markdown arena") }
        return key
    }()

    private static func threadArena() -> MarkdownArena {
        if let pointer = pthread_getspecific(key) { return Unmanaged<MarkdownArena>.fromOpaque(pointer).takeUnretainedValue() }
        let arena = MarkdownArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    /// `body` of the arena lent by ``withThreadArena(_:)`` (``allocator`` is handed out nowhere
    /// else), without retaining it: the thread's key holds it for as long as the thread lives, and
    /// cmark-gfm allocates hundreds of times a page.
    private static func withCurrent<T>(_ body: (MarkdownArena) -> T) -> T {
        guard let pointer = pthread_getspecific(key) else { fatalError("cmark-gfm: the Markdown arena was used outside withThreadArena") }
        return Unmanaged<MarkdownArena>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
    }
}
