@testable import CopseBuild
import Testing

@Suite struct Checksum64Tests {
    /// XXH64's published values, and a reference implementation's for longer inputs (every
    /// path: four lanes, then words, a half word and bytes).
    @Test func theChecksumIsXXH64() {
        let cases: [([UInt8], UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999), (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B), (Array("abc".utf8), 0x44BC_2CF5_AD77_0999),
            (Array(0..<40), 0xF5DA_40F1_B117_41E9), ((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, 0x9959_4F48_2804_3D35),
        ]
        for (bytes, expected) in cases {
            #expect(Checksum64.of(bytes) == expected, "\(bytes.count) bytes")
        }
    }
}
