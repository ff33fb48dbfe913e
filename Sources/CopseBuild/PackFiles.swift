import Foundation

/// A parse cache pack opened for reading: each page's bytes are read on their own (`pread`), by
/// the thread that decodes them, so that no thread waits for a whole pack and no copy of it is
/// ever held. Opened only when it is a regular file of the size the index recorded and starts
/// with the pack's magic.
final class PackFile: @unchecked Sendable {
    private var descriptor: Int32

    init?(path: String, size: Int) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size,
              read(offset: 0, length: ParsedIndex.packMagic.count) == ParsedIndex.packMagic else {
            close(descriptor)
            descriptor = -1
            return nil
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    private func fill(_ buffer: UnsafeMutableRawBufferPointer, offset: Int) -> Bool {
        PositionedIO.fill(buffer, from: descriptor, at: offset)
    }

    /// `length` bytes from `offset`; nil when fewer could be read.
    func read(offset: Int, length: Int) -> [UInt8]? {
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            complete = fill(UnsafeMutableRawBufferPointer(buffer), offset: offset)
            count = complete ? length : 0
        }
        return complete ? bytes : nil
    }

    /// `body` of the `length` bytes from `offset`, read into temporary memory (on the thread's
    /// stack when they fit: most pages do, so a build reading ten thousand allocates nothing for
    /// them); nil when fewer could be read.
    func withBytes<Result>(offset: Int, length: Int, _ body: (UnsafeRawBufferPointer) -> Result?) -> Result? {
        withUnsafeTemporaryAllocation(byteCount: length, alignment: 8) { buffer in
            fill(buffer, offset: offset) ? body(UnsafeRawBufferPointer(buffer)) : nil
        }
    }
}

/// A new file in `folder`, written from the start and renamed into place when complete (so that
/// no reader ever sees part of it).
final class AppendedFile {
    let path: String
    private var descriptor: Int32

    init?(folder: URL) {
        path = folder.appendingPathComponent(".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    func append(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { append($0) } }

    func append(_ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Closes the file and renames it to `url`; false when either failed.
    func commit(as url: URL) -> Bool {
        let closed = close(descriptor) == 0
        descriptor = -1
        return closed && rename(path, url.path) == 0
    }

    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(path)
    }
}

/// Whole reads and writes at an offset of an open file (`pread`, `pwrite`), on any thread.
enum PositionedIO {
    /// Fills `buffer` from `offset`; false when the file ends first or cannot be read.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int) -> Bool {
        var count = 0
        while count < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + count, buffer.count - count, off_t(offset + count))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            count += got
        }
        return true
    }

    /// Writes all of `bytes` at `offset`; false when they could not all be written.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int) -> Bool {
        var count = 0
        while count < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + count, bytes.count - count, off_t(offset + count))
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            count += written
        }
        return true
    }
}
