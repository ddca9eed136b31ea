/// Footnote marks after a cell's text (`*`, `**`, `†`, `¹`) point at a note under the table;
/// they are not part of a name, a protocol or a description.
enum FootnoteMarks {
    static let marks: Set<Character> = ["*", "†", "‡", "§", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    static func dropTrailing(_ text: String) -> String {
        // No mark and nothing to trim: an ASCII letter, digit or closing punctuation ends it.
        if let last = text.utf8.last, last > 0x20, last < 0x7F, last != UInt8(ascii: "*"), let first = text.utf8.first, first > 0x20 { return text }
        var t = Substring(Text.trimmed(text))
        while let last = t.last, marks.contains(last) { t = t.dropLast() }
        return Text.trimmed(t)
    }

    /// "UDP***" -> "UDP"; "TCP, UDP" / "TCP and UDP" -> "TCP/UDP"; "UDP (multicast to …)" -> "UDP"
    /// and the remark.
    static func cleanProtocol(_ text: String) -> (String, String?) {
        // One ASCII word without marks, lists or remarks: as written.
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "(") }) { return (text, nil) }
        var t = dropTrailing(text)
        var remark: String?
        if let open = t.range(of: " ("), t.hasSuffix(")") {
            let head = Text.trimmed(t[..<open.lowerBound])
            if Realign.isProtocolCell(head) {
                remark = String(t[open.upperBound...].dropLast())
                t = head
            }
        }
        let parts = t.replacingAll(" and ", with: ",").replacingAll(" & ", with: ",").split(separator: ",").map { Text.trimmed($0) }
        if parts.count > 1, parts.allSatisfy({ Vocabulary.isProtocol($0) }) { t = parts.joined(separator: "/") }
        return (t, remark)
    }
}
