import Foundation
import ZIPFoundation

/// A PNG remembers what it was drawn from: a `tEXt` chunk ("Portolan-Source") holding a digest
/// of the DOT text and the Graphviz version. `build` reuses a PNG in the output folder whose
/// stamp matches the drawing it is about to make, because rasterising and compressing the
/// pictures costs more than the rest of the build together; any change to the diagram (or to
/// Graphviz) changes the digest and the PNG is drawn again.
public enum PNGStamp {
    public static let keyword = "Portolan-Source"

    /// The stamp's text for a drawing: FNV-1a (64 bits) of the Graphviz version and the DOT text, in hex.
    public static func digest(dot: String, graphviz: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "graphviz \(graphviz)\n".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in dot.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    private static let signature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

    /// The PNG with the stamp as a `tEXt` chunk right after its header; nil when `png` is not a PNG.
    public static func stamped(_ png: Data, digest: String) -> Data? {
        let bytes = [UInt8](png)
        // Signature, then IHDR: length (4) "IHDR" (4) 13 bytes of data, CRC (4).
        guard bytes.count >= 33, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        let payload = Array(keyword.utf8) + [0] + Array(digest.utf8)
        let type = Array("tEXt".utf8)
        var chunk = bigEndian(UInt32(payload.count)) + type + payload
        chunk += bigEndian(Data(type + payload).crc32(checksum: 0))
        return Data(bytes[0..<33] + chunk + bytes[33...])
    }

    /// The stamp a PNG carries, or nil (not a PNG, no stamp, or a damaged chunk before it).
    public static func digest(of png: Data) -> String? {
        let bytes = [UInt8](png)
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else { return nil }
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let end = offset + 8 + length
            guard length >= 0, end + 4 <= bytes.count else { return nil }
            if type == "IDAT" || type == "IEND" { return nil }
            if type == "tEXt" {
                let data = Array(bytes[offset + 8..<end])
                let crc = UInt32(bytes[end]) << 24 | UInt32(bytes[end + 1]) << 16 | UInt32(bytes[end + 2]) << 8 | UInt32(bytes[end + 3])
                if let zero = data.firstIndex(of: 0), String(decoding: data[..<zero], as: UTF8.self) == keyword,
                   crc == Data(bytes[offset + 4..<end]).crc32(checksum: 0) {
                    return String(decoding: data[(zero + 1)...], as: UTF8.self)
                }
            }
            offset = end + 4
        }
        return nil
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
