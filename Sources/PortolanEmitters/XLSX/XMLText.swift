/// Text escaped for XML 1.0 element content and attribute values.
enum XMLText {
    /// Escapes markup characters, keeps tab and newline, writes CR as a character reference
    /// (parsers would otherwise fold it into a newline), and writes characters XML 1.0 forbids
    /// (other C0 controls, U+FFFE, U+FFFF) as the `_xHHHH_` escapes of ECMA-376, which
    /// spreadsheet readers decode back. A literal `_xHHHH_` is protected as `_x005F_xHHHH_`.
    static func escape(_ text: String, spreadsheet: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\t": out += spreadsheet ? "\t" : "&#9;"
            case "\n": out += spreadsheet ? "\n" : "&#10;"
            case "_" where spreadsheet && looksLikeEscape(scalars, at: index): out += "_x005F_"
            default:
                if isForbidden(scalar) {
                    out += spreadsheet ? "_x" + hex4(scalar.value) + "_" : "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }

    /// `_xHHHH_` starting at `index`.
    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension XMLText {
    /// `escape`'s bytes, appended to `bytes` (a part is written as bytes, not as a String):
    /// the same rules over the UTF-8 bytes, where each character `escape` treats is one ASCII
    /// byte, or U+FFFE/U+FFFF's three. `XMLBytesTests` holds the two equal.
    static func escape(_ text: String, spreadsheet: Bool = true, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            let count = utf8.count
            func flush() {
                if index > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
            }
            while index < count {
                let byte = utf8[index]
                var replacement: StaticString?
                var forbidden: UInt32?
                var length = 1
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&apos;"
                case 0x0D: replacement = "&#13;"
                case 0x09: if !spreadsheet { replacement = "&#9;" }
                case 0x0A: if !spreadsheet { replacement = "&#10;" }
                case 0x5F: if spreadsheet && looksLikeEscape(utf8, at: index) { replacement = "_x005F_" }
                case 0xEF:
                    if index + 2 < count, utf8[index + 1] == 0xBF, utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF {
                        forbidden = utf8[index + 2] == 0xBE ? 0xFFFE : 0xFFFF
                        length = 3
                    }
                default: if byte < 0x20 { forbidden = UInt32(byte) }
                }
                guard replacement != nil || forbidden != nil else {
                    index += 1
                    continue
                }
                flush()
                if let replacement {
                    replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                } else if let forbidden {
                    if spreadsheet {
                        let hex: StaticString = "0123456789ABCDEF"
                        bytes += [0x5F, 0x78]
                        for shift in [12, 8, 4, 0] { bytes.append(hex.utf8Start[Int(forbidden >> UInt32(shift) & 0xF)]) }
                        bytes.append(0x5F)
                    } else {
                        bytes += [0xEF, 0xBF, 0xBD]
                    }
                }
                index += length
                start = index
            }
            flush()
        }
    }

    /// `_xHHHH_` starting at byte `index`: all seven are ASCII, so the same as the scalars' test.
    private static func looksLikeEscape(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < utf8.count, utf8[index + 1] == 0x78, utf8[index + 6] == 0x5F else { return false }
        return (index + 2...index + 5).allSatisfy { i in
            let b = utf8[i]
            return (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)
        }
    }
}
