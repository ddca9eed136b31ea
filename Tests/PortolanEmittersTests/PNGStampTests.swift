import Foundation
import PortolanEmitters
import Testing

@Suite struct PNGStampTests {
    /// A real 1x1 PNG (signature, IHDR, IDAT, IEND).
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!

    /// CRC-32 (IEEE) written out here, independently of the code under test.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// The chunks of a PNG: type, data, and whether the stored CRC is right.
    static func chunks(_ png: Data) -> [(type: String, data: [UInt8], crcOK: Bool)] {
        let bytes = [UInt8](png)
        var result: [(String, [UInt8], Bool)] = []
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let typeAndData = Array(bytes[offset + 4..<offset + 8 + length])
            let stored = bytes[offset + 8 + length..<offset + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            result.append((String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4)), stored == crc32(typeAndData)))
            offset += 12 + length
        }
        return result
    }

    @Test func digestIsFNV1aOfGraphvizVersionAndDOT() {
        // Worked out with a few lines of Python over the same bytes.
        #expect(PNGStamp.digest(dot: "digraph {}", graphviz: "2.43.0") == "3825a711c48440d0")
        #expect(PNGStamp.digest(dot: "digraph {}", graphviz: "2.44.0") != "3825a711c48440d0")
        #expect(PNGStamp.digest(dot: "digraph { }", graphviz: "2.43.0") != "3825a711c48440d0")
    }

    @Test func theStampIsATextChunkRightAfterTheHeader() throws {
        let stamped = try #require(PNGStamp.stamped(Self.png, digest: "0123456789abcdef"))
        let chunks = Self.chunks(stamped)
        #expect(chunks.map(\.type) == ["IHDR", "tEXt", "IDAT", "IEND"])
        #expect(chunks.allSatisfy { $0.crcOK })
        #expect(chunks[1].data == Array("Portolan-Source".utf8) + [0] + Array("0123456789abcdef".utf8))
        #expect(stamped.count == Self.png.count + 12 + 15 + 1 + 16)  // length, type, CRC; keyword, NUL, digest
        #expect(PNGStamp.digest(of: stamped) == "0123456789abcdef")
    }

    @Test func noStampWhereThereIsNoneOrItIsDamaged() throws {
        #expect(PNGStamp.digest(of: Self.png) == nil)
        #expect(PNGStamp.digest(of: Data("not a png".utf8)) == nil)
        #expect(PNGStamp.stamped(Data("not a png".utf8), digest: "x") == nil)
        var damaged = [UInt8](try #require(PNGStamp.stamped(Self.png, digest: "0123456789abcdef")))
        damaged[33 + 8 + 15 + 1] ^= 0x01  // first byte of the digest; the chunk's CRC no longer matches
        #expect(PNGStamp.digest(of: Data(damaged)) == nil)
        // Cut off inside the chunk.
        #expect(PNGStamp.digest(of: Data(damaged.prefix(40))) == nil)
    }
}
