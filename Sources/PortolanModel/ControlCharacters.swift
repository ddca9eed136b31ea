extension Unicode.Scalar {
    /// A control character (general category Cc): exactly U+0000-001F and U+007F-009F. Asked
    /// for every character Portolan escapes, so it skips the Unicode property tables.
    public var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}

extension Unicode.Scalar {
    /// A bidirectional formatting character: the marks (U+061C, U+200E, U+200F), embeddings
    /// and overrides (U+202A-202E) and isolates (U+2066-2069). They reorder the text around
    /// them on screen, so "exe.txt" can be shown for "txt.exe".
    public var isBidiControl: Bool {
        value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// A character that must not reach a terminal, a page or a table as itself: a control
    /// character other than tab, line feed and carriage return (ESC starts terminal escape
    /// sequences, BEL rings, NUL and the C1 controls confuse tools) or a bidirectional control.
    public var isHiddenControl: Bool {
        (isControlCharacter && self != "\t" && self != "\n" && self != "\r") || isBidiControl
    }
}

/// Making hidden control characters visible in emitted text: `ESC[31m` becomes `<U+001B>[31m`
/// and a right-to-left override `<U+202E>`, so a name shows what was written and cannot colour
/// the terminal or turn the text around. Tab, line feed and carriage return are left to each
/// format (a Markdown cell turns line breaks into `<br>`).
public enum ControlCharacters {
    /// True when the text holds a character `visible(_:)` would replace.
    public static func contains(_ text: String) -> Bool {
        if isPrintableASCII(text, lineBreaks: false) { return false }
        return text.unicodeScalars.contains { $0.isHiddenControl }
    }

    /// True when every byte is printable ASCII or a tab (or a line break, unless `lineBreaks`):
    /// such a text holds no character `visible` replaces (every hidden one is another ASCII
    /// control or not ASCII). Most texts are; asked of their bytes, not their scalars.
    static func isPrintableASCII(_ text: String, lineBreaks: Bool) -> Bool {
        func shown(_ byte: UInt8) -> Bool {
            (byte >= 0x20 && byte < 0x7F) || byte == 0x09 || (!lineBreaks && (byte == 0x0A || byte == 0x0D))
        }
        return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(shown) } ?? text.utf8.allSatisfy(shown)
    }

    /// The text with each hidden control character written as `<U+XXXX>` (four or more
    /// uppercase hex digits); the text itself when it has none. With `lineBreaks`, line feed
    /// and carriage return are shown too, for output that is one record a line (lint text).
    public static func visible(_ text: String, lineBreaks: Bool = false) -> String {
        func hidden(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isHiddenControl || (lineBreaks && (scalar == "\n" || scalar == "\r"))
        }
        if isPrintableASCII(text, lineBreaks: lineBreaks) { return text }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if hidden(scalar) {
                out.append(contentsOf: name(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `<U+001B>`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// The warning a reader or emitter gives once per text it changed.
    public static func warning(_ text: String) -> String {
        let names = Set(text.unicodeScalars.filter(\.isHiddenControl).map(name)).sorted()
        return "control or bidirectional characters (\(names.joined(separator: ", "))), shown as their code points"
    }
}

extension Diagnostic {
    /// The diagnostic with control and bidirectional characters in its message (a name quoted
    /// from the input) shown as code points, line breaks too: it is printed on a terminal.
    public var visible: Diagnostic {
        var copy = self
        copy.message = ControlCharacters.visible(message, lineBreaks: true)
        return copy
    }
}
