import Foundation

/// A write to the output that the system refused: which file, and the system's reason (errno).
/// Described in plain words, never as a framework error dump.
package struct WriteFailure: Error, Sendable, Equatable {
    /// What was being done: "write", "create the folder", "replace the output with".
    package var action: String
    /// The file or folder, relative to the output folder when inside it.
    package var path: String
    /// The system's error number (`ENOSPC`, `EROFS`, `EACCES`...); 0 when unknown.
    package var code: Int32
    /// How many more files failed the same way.
    package var others: Int

    package init(action: String, path: String, code: Int32, others: Int = 0) {
        self.action = action
        self.path = path
        self.code = code
        self.others = others
    }

    /// A Foundation or POSIX error, read for its system error number.
    init(action: String, path: String, error: any Error) {
        self.init(action: action, path: path, code: Self.code(of: error))
    }

    /// `no space left on the disk (could not write a/index.html and 3 more files)`.
    package var message: String {
        let more = others > 0 ? " and \(others) more file\(others == 1 ? "" : "s")" : ""
        return "\(Self.reason(code)) (could not \(action) \(path)\(more))"
    }

    /// What to do about it, in the same plain words.
    package var hint: String { Self.hint(code) }

    /// The cause of a system error number, in words.
    package static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: "no space left on the disk"
        case EROFS: "the disk is read-only"
        case EACCES, EPERM: "permission denied"
        case ENAMETOOLONG: "a file name is too long for the file system"
        case EMFILE, ENFILE: "too many files are open"
        case EIO: "the disk reported an input/output error"
        case ENOTDIR: "a file stands where a folder should be"
        case 0: "the system gave no reason"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    package static func hint(_ code: Int32) -> String {
        let kept = "the previous output was left as it was"
        return switch code {
        case ENOSPC, EDQUOT: "free some space on the disk that holds the output folder, then build again; \(kept)"
        case EROFS: "write the site to a folder on a writable disk (--output DIR); \(kept)"
        case EACCES, EPERM: "check that you may write to the output folder and the folder that holds it (owner and permissions), or choose another --output; \(kept)"
        case ENAMETOOLONG: "shorten the name (the file system allows 255 bytes per name); \(kept)"
        case EMFILE, ENFILE: "raise the open-file limit (ulimit -n) or close other programs, then build again; \(kept)"
        default: "check the disk and the output folder, then build again; \(kept)"
        }
    }
}

extension WriteFailure {
    /// The POSIX error number inside a Foundation error (its underlying error), or a POSIX error's own.
    static func code(of error: any Error) -> Int32 {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return Int32(bridged.code) }
        if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        guard let cocoa = error as? CocoaError else { return 0 }
        switch cocoa.code {
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileWriteInvalidFileName: return ENAMETOOLONG
        default: return 0
        }
    }
}
