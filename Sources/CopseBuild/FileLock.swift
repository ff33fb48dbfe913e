import Foundation

/// An advisory lock on a file (flock), held for the duration of a closure.
struct FileLock {
    let path: String

    func withLock<T>(_ body: () throws(WriteFailure) -> T) throws(WriteFailure) -> T {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteFailure(action: "create the lock file", path: path, code: errno) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw WriteFailure(action: "lock", path: path, code: errno) }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}

/// `renameat2(RENAME_EXCHANGE)`: swaps two paths in one step. Looked up at run time because the
/// C library's Swift overlay does not declare it; false when it is unavailable or fails.
enum AtomicRename {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let function: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let function else { return false }
        let renameExchange: UInt32 = 2
        return function(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }
}
