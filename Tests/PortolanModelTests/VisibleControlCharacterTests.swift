import PortolanModel
import Testing

/// `ControlCharacters.visible`: what an emitter writes instead of a hidden control character.
@Suite struct VisibleControlCharacterTests {
    @Test func terminalEscapesAndOverridesBecomeCodePoints() {
        #expect(ControlCharacters.visible("\u{1B}[31mred\u{1B}[0m") == "<U+001B>[31mred<U+001B>[0m")
        #expect(ControlCharacters.visible("bell\u{7}") == "bell<U+0007>")
        #expect(ControlCharacters.visible("nul\u{0}") == "nul<U+0000>")
        #expect(ControlCharacters.visible("csi\u{9B}2J nel\u{85}") == "csi<U+009B>2J nel<U+0085>")
        #expect(ControlCharacters.visible("Evil\u{202E}txt.exe") == "Evil<U+202E>txt.exe")
        #expect(ControlCharacters.visible("rlm\u{200F} lri\u{2067} alm\u{61C}") == "rlm<U+200F> lri<U+2067> alm<U+061C>")
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "Tenant Service (Voice Config Service) Ünïcödé ☎ 𝄞 עברית"
        #expect(ControlCharacters.visible(text) == text)
        #expect(!ControlCharacters.contains(text))
        // Tab and line breaks are each format's business, unless asked for.
        #expect(ControlCharacters.visible("a\tb\nc\r\nd") == "a\tb\nc\r\nd")
        #expect(ControlCharacters.visible("a\tb\nc\r", lineBreaks: true) == "a\tb<U+000A>c<U+000D>")
    }

    @Test func everyHiddenScalarIsACcControlOrABidiFormatCharacter() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.isHiddenControl else { continue }
            let category = scalar.properties.generalCategory
            #expect(category == .control || (category == .format && scalar.properties.isBidiControl), "U+\(String(value, radix: 16))")
        }
        // All 65 controls but tab, line feed and carriage return, and the 12 bidi controls.
        #expect((UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter(\.isHiddenControl).count == 62 + 12)
    }

    @Test func warningNamesEachCharacterOnce() {
        #expect(ControlCharacters.warning("\u{1B}a\u{1B}\u{202E}") == "control or bidirectional characters (<U+001B>, <U+202E>), shown as their code points")
    }
}
