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
    /// each byte is a character and none is a hidden control. Any other byte leaves the text
    /// to the general functions.
    mutating func appendHTML(_ text: String) {
        let start = count
        let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var run = 0
            for index in bytes.indices {
                let byte = bytes[index]
                let entity: StaticString
                switch byte {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                case 0x20..<0x7F, 0x09, 0x0A, 0x0D: continue
                default: return false
                }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                appendMarkup(entity)
                run = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return true
        } ?? false
        guard !done else { return }
        removeSubrange(start...)
        appendText(HTMLText.escape(ControlCharacters.visible(text)))
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
