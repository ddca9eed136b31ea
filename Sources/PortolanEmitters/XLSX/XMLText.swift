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
