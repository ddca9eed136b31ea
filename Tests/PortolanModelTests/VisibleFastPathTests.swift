import PortolanModel
import Testing

/// `ControlCharacters.visible` and `contains` answer printable ASCII from its bytes: held equal
/// to the scalar-by-scalar definition on every ASCII byte and on the hidden characters beyond it.
@Suite struct VisibleFastPathTests {
    /// The definition: every hidden scalar (line breaks too, with `lineBreaks`) as its code point.
    static func reference(_ text: String, lineBreaks: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isHiddenControl || (lineBreaks && (scalar == "\n" || scalar == "\r")) {
                out += ControlCharacters.name(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let texts: [String] = {
        let singles = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
            + ["\u{80}", "\u{9F}", "\u{A0}", "\u{61C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "é", "👍🏽", "\r\n"]
        return [""] + singles + singles.map { "Service 0-7 \($0) data" } + singles.map { "\($0)é" }
    }()

    @Test func fastPathIsTheDefinition() {
        for text in Self.texts {
            for lineBreaks in [false, true] {
                #expect(ControlCharacters.visible(text, lineBreaks: lineBreaks) == Self.reference(text, lineBreaks: lineBreaks),
                        "\(Array(text.unicodeScalars)) \(lineBreaks)")
            }
            #expect(ControlCharacters.contains(text) == text.unicodeScalars.contains { $0.isHiddenControl })
        }
        #expect(ControlCharacters.visible("a\tb\nc\rd\u{7F}") == "a\tb\nc\rd<U+007F>")
        #expect(ControlCharacters.visible("a\tb\nc\rd", lineBreaks: true) == "a\tb<U+000A>c<U+000D>d")
    }
}
