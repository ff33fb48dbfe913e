import Foundation

/// One file written with plain system calls (see ``OutputWriter``).
extension OutputWriter {
    /// Writes `bytes` to a new file at `path` (relative to the folder `folder`, or to the working
    /// folder for `AT_FDCWD`); nil when it worked, else the system's error number.
    /// The file must not exist: a file already there may be another name of a file of the output.
    static func writeFile(_ folder: Int32, _ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var stamp: FileStamp?
        return writeFile(folder, path, bytes, stamp: &stamp, stamping: false)
    }

    /// As ``writeFile(_:_:_:)``; `stamp` is the written file's stamp, read from its descriptor
    /// before it is closed (nil when that failed, or when not `stamping`).
    static func writeFile(_ folder: Int32, _ path: String, _ bytes: UnsafeBufferPointer<UInt8>, stamp: inout FileStamp?,
                          stamping: Bool = true) -> Int32? {
        let descriptor = openat(folder, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                return code
            }
            offset += written
        }
        if stamping { stamp = FileStamp(descriptor: descriptor) }
        // A full disk or quota can show only when the file is closed (NFS, some FUSE systems).
        return close(descriptor) == 0 ? nil : errno
    }
}
