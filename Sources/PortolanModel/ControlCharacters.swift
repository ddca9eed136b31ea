extension Unicode.Scalar {
    /// A control character (general category Cc): exactly U+0000-001F and U+007F-009F. Asked
    /// for every character Portolan escapes, so it skips the Unicode property tables.
    public var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
