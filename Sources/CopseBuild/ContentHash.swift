/// A 128-bit hash of bytes, for telling whether a file or an input changed since the last build.
/// Not cryptographic: it guards against accidents (an edit), not an adversary, like git's
/// index. Two independent 64-bit lanes, eight bytes at a time.
struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    var high: UInt64
    var low: UInt64

    /// 32 hexadecimal digits.
    var description: String { Self.hex(high) + Self.hex(low) }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Reads 32 hexadecimal digits, as ``description`` writes them.
    init?(hex: Substring) {
        guard hex.count == 32, let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16) else {
            return nil
        }
        self.init(high: high, low: low)
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> ContentHash {
        var hasher = Hasher128()
        hasher.add(bytes)
        return hasher.finish()
    }

    static func of(_ bytes: [UInt8]) -> ContentHash { bytes.withUnsafeBufferPointer { of($0) } }

    static func of(_ text: String) -> ContentHash {
        var text = text
        return text.withUTF8 { of($0) }
    }
}

/// Feeds bytes into a ``ContentHash``; each `add` of bytes is length-prefixed, so that
/// `("ab", "c")` and `("a", "bc")` differ.
///
/// Two 64-bit lanes take alternate words, sixteen bytes a step, so that the multiplications of
/// one lane do not wait for the other's: hashing every page's template context and every written
/// file is a few percent of a build. The lengths go into the first lane, so the words each lane
/// saw (with the lengths) give back the whole input; ``finish()`` mixes the lanes together.
struct Hasher128 {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var total: UInt64 = 0

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        total &+= 1
        a = Self.round(a, UInt64(count) ^ 0x27D4_EB2F_1656_67C5)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
        var offset = 0
        while offset + 16 <= count {
            a = Self.round(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            b = Self.round(b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            offset += 16
        }
        if offset + 8 <= count {
            a = Self.round(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        guard offset < count else { return }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        b = Self.round(b, tail)
    }

    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { add($0) } }

    mutating func add(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBufferPointer { add($0) } }

    mutating func add(_ text: String) {
        // A native string's bytes are read in place; only a bridged or foreign one is copied.
        if text.utf8.withContiguousStorageIfAvailable({ add($0) }) != nil { return }
        var text = text
        text.withUTF8 { add($0) }
    }

    mutating func add(_ number: UInt64) {
        total &+= 1
        a = Self.round(a, number)
    }

    mutating func add(_ hash: ContentHash) {
        add(hash.high)
        add(hash.low)
    }

    func finish() -> ContentHash {
        let mixedA = Self.avalanche(a ^ (total &* 0x2545_F491_4F6C_DD1D))
        let mixedB = Self.avalanche(b &+ (total &* 0x9FB2_1C65_1E98_DF25))
        return ContentHash(high: Self.avalanche(mixedA ^ ((mixedB << 23) | (mixedB >> 41))), low: Self.avalanche(mixedB &+ mixedA))
    }

    /// One word into one lane: a bijection of the lane for any word, and of the word for any lane.
    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let sum = lane &+ word &* 0xC2B2_AE3D_27D4_EB4F
        return ((sum << 31) | (sum >> 33)) &* 0x9E37_79B1_85EB_CA87
    }

    /// The finaliser of MurmurHash3 (fmix64).
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

private extension ContentHash {
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

import Foundation

extension ContentHash {
    /// The hash of a file's bytes (links followed), read with plain system calls; nil when it
    /// cannot be read.
    static func ofFile(_ path: String) -> ContentHash? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                filled += count
            }
            return true
        }
        // A file that grew while it was read: the rest is hashed too (the bytes a build would read).
        guard complete else { return nil }
        var extra = [UInt8](repeating: 0, count: 4096)
        var hasher = Hasher128()
        hasher.add(bytes)
        while true {
            let count = extra.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            hasher.add(Array(extra[..<count]))
        }
        return hasher.finish()
    }
}
