import PortolanModel

/// Appending a page's text to its bytes (`PageBytes.write`) without making a `String` per row.
extension [UInt8] {
    /// The text's UTF-8 bytes as they are.
    mutating func appendText(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
    }

    /// Markup written by hand (ASCII, nothing to escape).
    mutating func appendMarkup(_ markup: StaticString) {
        markup.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// The text as the site's rows show it, byte for byte `HTMLText.escape(ControlCharacters.visible(text))`.
    /// Printable ASCII (and tab, line feed, carriage return) is escaped here byte by byte: there,
    /// each byte is a character and none is a hidden control.
    mutating func appendHTML(_ text: String) {
        appendEscaped(text, general: { HTMLText.escape(ControlCharacters.visible($0)) }) { byte, _ in
            switch byte {
            case 0x26: .replace("&amp;")
            case 0x3C: .replace("&lt;")
            case 0x3E: .replace("&gt;")
            case 0x22: .replace("&quot;")
            case 0x27: .replace("&#39;")
            case 0x20..<0x7F, 0x09, 0x0A, 0x0D: .keep
            default: .general
            }
        }
    }

    /// What a byte of the text becomes in `appendEscaped`.
    enum ByteEscape {
        case keep
        case replace(StaticString)
        /// A byte the table does not know (non-ASCII, a control): the whole text goes to `general`.
        case general
    }

    /// Appends the text with each byte mapped by `table` (given the byte before it, if any), or,
    /// when the table gives `.general` for any byte, `general(text)` instead: the fast path of an
    /// escape whose general code works on characters, for texts where bytes are characters.
    @inline(__always)
    mutating func appendEscaped(_ text: String, general: (String) -> String, table: (UInt8, UInt8?) -> ByteEscape) {
        let start = count
        let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var run = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch table(bytes[index], index > 0 ? bytes[index - 1] : nil) {
                case .keep: continue
                case .general: return false
                case .replace(let found): replacement = found
                }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                appendMarkup(replacement)
                run = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return true
        } ?? false
        guard !done else { return }
        removeSubrange(start...)
        appendText(general(text))
    }

    /// Where `pattern` starts in the bytes from `from` on (places that do not overlap).
    func places(of pattern: [UInt8], from: Int) -> [Int] {
        guard let first = pattern.first, count >= pattern.count else { return [] }
        var found: [Int] = []
        var index = from
        while index <= count - pattern.count {
            if self[index] == first, self[index..<index + pattern.count].elementsEqual(pattern) {
                found.append(index)
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}
