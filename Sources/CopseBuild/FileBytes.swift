import Foundation

/// Reads a whole file with plain system calls, into one array: the parse stage reads every
/// Markdown file of the hub, and `FileManager.contents(atPath:)` (a URL for the path, a `Data`,
/// then a copy into an array) cost it about a third as much again as decoding every page from
/// the parse cache.
enum FileBytes {
    /// The bytes of the regular file at `path` (links followed), as many as it holds when read;
    /// nil when it cannot be read or is not a regular file.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than its size: a file that grew since is noticed, and read to its end.
        let size = Int(info.st_size)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor, failed: &failed)
        }
        var chunk = [UInt8](repeating: 0, count: bytes.count > size ? 1 << 16 : 0)
        while !failed, !chunk.isEmpty {
            let count = chunk.withUnsafeMutableBytes { fill($0, from: descriptor, failed: &failed) }
            bytes += chunk[..<count]
            if count < chunk.count { break }
        }
        return failed ? nil : bytes
    }
}

private extension FileBytes {
    /// Reads into `buffer` until it is full or the file ends; how many bytes were read.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, failed: inout Bool) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0, errno == EINTR { continue }
            if count < 0 { failed = true }
            guard count > 0 else { break }
            filled += count
        }
        return filled
    }
}
