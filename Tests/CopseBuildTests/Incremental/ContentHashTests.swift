@testable import CopseBuild
import CopseTemplate
import Synchronization
import Testing

/// The hash that tells a build what changed: any change to what is fed in must change it.
struct ContentHashTests {
    /// Bytes from a fixed generator, so that a failure can be repeated.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test func everyBitOfEveryLengthCounts() {
        // Lengths around the 8- and 16-byte steps, and the tail in between.
        for count in 0...70 {
            let original = Self.bytes(count, seed: UInt64(count) + 1)
            let hash = ContentHash.of(original)
            var seen: Set<ContentHash> = [hash]
            for bit in 0..<(count * 8) {
                var flipped = original
                flipped[bit / 8] ^= 1 << UInt8(bit % 8)
                let other = ContentHash.of(flipped)
                // Both halves move: each is mixed from both lanes.
                #expect(other.high != hash.high && other.low != hash.low, "length \(count), bit \(bit)")
                seen.insert(other)
            }
            #expect(seen.count == count * 8 + 1, "length \(count): two flips hashed alike")
        }
    }

    @Test func lengthCountsEvenForZeroBytes() {
        let hashes = Set((0...40).map { ContentHash.of([UInt8](repeating: 0, count: $0)) })
        #expect(hashes.count == 41)
    }

    @Test func whereTheInputIsSplitCounts() {
        let text = Array("a template context, hashed in pieces".utf8)
        var hashes: Set<ContentHash> = []
        for cut in 0...text.count {
            var hasher = Hasher128()
            hasher.add(text[..<cut])
            hasher.add(text[cut...])
            hashes.insert(hasher.finish())
        }
        var whole = Hasher128()
        whole.add(text)
        hashes.insert(whole.finish())
        #expect(hashes.count == text.count + 2)
    }

    @Test func orderCounts() {
        // The two halves of a sixteen-byte step go to different lanes: swapped, they differ.
        let block = Self.bytes(16, seed: 99)
        #expect(ContentHash.of(block) != ContentHash.of(Array(block[8...] + block[..<8])))
        var one = Hasher128(), other = Hasher128()
        one.add(1 as UInt64); one.add(2 as UInt64)
        other.add(2 as UInt64); other.add(1 as UInt64)
        #expect(one.finish() != other.finish())
        var number = Hasher128(), twice = Hasher128()
        number.add(7 as UInt64)
        twice.add(7 as UInt64); twice.add(7 as UInt64)
        #expect(number.finish() != twice.finish())
    }

    @Test func sameInputSameHash() {
        let text = String(decoding: Self.bytes(300, seed: 5).map { $0 % 26 + 97 }, as: UTF8.self)
        var hasher = Hasher128()
        hasher.add(text)
        #expect(hasher.finish() == ContentHash.of(Array(text.utf8)))
        #expect(ContentHash.of(text) == ContentHash.of(text))
    }

    /// HTML made when read keys a file as the same HTML in hand does, and as nothing else.
    @Test func deferredHTMLHashesAsTheHTMLItMakes() {
        func hash(_ value: TemplateValue) -> ContentHash {
            var hasher = Hasher128()
            hasher.add(TemplateValue.map(TemplateMap([("content", value)])))
            return hasher.finish()
        }
        let html = "<p>One page's text.</p>"
        #expect(hash(.deferredHTML(DeferredHTML { html })) == hash(.html(html)))
        #expect(hash(.deferredHTML(DeferredHTML { html + " " })) != hash(.html(html)))
        #expect(hash(.deferredHTML(DeferredHTML { html })) != hash(.text(html)))
    }

    /// HTML whose maker names what it is made from keys a file by that name, without being made:
    /// equal names key alike whatever is made, different names do not, and neither keys as HTML
    /// in hand.
    @Test func keyedDeferredHTMLHashesItsKeyWithoutMakingTheHTML() {
        final class Made: Sendable {
            let count = Mutex(0)
        }
        let made = Made()
        func keyed(_ key: [String], _ html: String) -> TemplateValue {
            .deferredHTML(DeferredHTML(key: key) {
                made.count.withLock { $0 += 1 }
                return html
            })
        }
        func hash(_ value: TemplateValue) -> ContentHash {
            var hasher = Hasher128()
            hasher.add(TemplateValue.map(TemplateMap([("content", value)])))
            return hasher.finish()
        }
        let html = "<p>One page's text.</p>"
        #expect(hash(keyed(["a", "b"], html)) == hash(keyed(["a", "b"], html + " ")))
        #expect(hash(keyed(["a", "b"], html)) != hash(keyed(["a", "c"], html)))
        #expect(hash(keyed(["ab"], html)) != hash(keyed(["a", "b"], html)))
        #expect(hash(keyed(["a", "b"], html)) != hash(.html(html)))
        #expect(made.count.withLock { $0 } == 0)
    }
}
