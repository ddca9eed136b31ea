/// An XML part being written, as UTF-8 bytes: a sheet of a million cells is not built by
/// String interpolation.
struct XMLBytes {
    var bytes: [UInt8] = []

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// A number in decimal, as `"\(number)"` writes it.
    mutating func append(_ number: Int) {
        if (0..<10).contains(number) { return bytes.append(0x30 + UInt8(number)) }
        bytes.append(contentsOf: String(number).utf8)
    }

    /// Text escaped as `XMLText.escape` escapes it.
    mutating func appendEscaped(_ text: String, spreadsheet: Bool = true) {
        XMLText.escape(text, spreadsheet: spreadsheet, into: &bytes)
    }
}
