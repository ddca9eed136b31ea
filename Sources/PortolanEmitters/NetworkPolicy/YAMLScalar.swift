import PortolanModel
/// Double-quoted YAML scalars: every string Portolan writes into YAML goes through here, so no
/// name can end a scalar, start a comment or smuggle in a line break.
enum YAMLScalar {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                let printable = (0x20...0x7E).contains(v) || (0xA0...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) && v != 0xFEFF
                    || (0x10000...0x10FFFF).contains(v)
                if printable && v != 0x2028 && v != 0x2029 {
                    out.unicodeScalars.append(scalar)
                } else if v <= 0xFFFF {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }
        }
        return out + "\""
    }

    /// Text safe inside a `#` comment: one line, control characters replaced by spaces.
    static func comment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.isControlCharacter || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x85 ? " " : scalar
        }))
    }
}
