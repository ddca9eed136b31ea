extension Unicode.Scalar {
    /// A control character (general category Cc): exactly U+0000-001F and U+007F-009F. Asked
    /// for every character Portolan escapes, so it skips the Unicode property tables.
    public var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}

extension Unicode.Scalar {
    /// A bidirectional formatting character (U+061C, U+200E-200F, U+202A-202E, U+2066-2069):
    /// invisible, and able to reorder the text around it on a terminal or a page.
    public var isBidiFormatting: Bool {
        value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
