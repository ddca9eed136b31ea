/// Small text helpers shared by the readers.
enum Text {
    /// Splits on runs of spaces and tabs.
    static func words(_ line: some StringProtocol) -> [String] {
        // Bytes, where the text is stored contiguously: a space, a tab or a no-break space (C2 A0)
        // ends a word, as below.
        if let found = line.utf8.withContiguousStorageIfAvailable({ Text.words(bytes: $0) }) { return found }
        // Unicode scalars, not Characters: the same answer for these separators, much faster.
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\u{00A0}" {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// `words` of valid UTF-8 bytes.
    static func words(bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        var start = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let width = b == 0x20 || b == 0x09 ? 1 : b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? 2 : 0
            if width == 0 { i += 1; continue }
            if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
            i += width
            start = i
        }
        if bytes.count > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        return words
    }

    /// The pieces of `s` between `separator` bytes (an ASCII byte), empty pieces kept.
    /// `droppingOuter`: one separator at each end is not a piece's border ("| a | b |").
    /// `trimming`: each piece as `trimmed` gives it. On the bytes, one String per piece.
    static func split(_ s: String, byte separator: UInt8, droppingOuter: Bool = false, trimming: Bool = false) -> [String] {
        var s = s
        return s.withUTF8 { bytes -> [String] in
            var lo = 0, hi = bytes.count
            if droppingOuter {
                if lo < hi, bytes[lo] == separator { lo += 1 }
                if lo < hi, bytes[hi - 1] == separator { hi -= 1 }
            }
            var pieces: [String] = []
            var start = lo
            func piece(_ from: Int, _ to: Int) {
                var a = from, b = to
                if trimming {
                    func space(_ x: UInt8) -> Bool { x == 0x20 || (x >= 0x09 && x <= 0x0D) }
                    while a < b, space(bytes[a]) { a += 1 }
                    while b > a, space(bytes[b - 1]) { b -= 1 }
                    // Any other byte at an end may be Unicode white space: `trimmed` decides, on the whole piece.
                    if a < b, bytes[a] >= 0x80 || bytes[b - 1] >= 0x80 {
                        pieces.append(trimmed(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)))
                        return
                    }
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
            }
            var i = lo
            while i < hi {
                if bytes[i] == separator { piece(start, i); start = i + 1 }
                i += 1
            }
            piece(start, hi)
            return pieces
        }
    }

    /// The word at `index` (0-based) of `words(line)`, scanning no further than it; nil when
    /// the line has fewer words.
    static func word(at index: Int, in line: String) -> String? {
        var line = line
        return line.withUTF8 { word(at: index, bytes: $0) }
    }

    /// `word(at:in:)` of valid UTF-8 bytes.
    static func word(at index: Int, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var n = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let width = b == 0x20 || b == 0x09 ? 1 : b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? 2 : 0
            if width > 0 { i += width; continue }
            var end = i + 1
            while end < bytes.count {
                let e = bytes[end]
                if e == 0x20 || e == 0x09 || (e == 0xC2 && end + 1 < bytes.count && bytes[end + 1] == 0xA0) { break }
                end += 1
            }
            if n == index { return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self) }
            n += 1
            i = end
        }
        return nil
    }

    /// `words.joined(separator: " ")`, without the generic join's cost for the usual one or two words.
    static func joinedWithSpaces(_ words: ArraySlice<String>) -> String {
        if words.count == 1 { return words[words.startIndex] }
        if words.isEmpty { return "" }
        var out = ""
        out.reserveCapacity(words.reduce(words.count) { $0 + $1.utf8.count })
        for (i, word) in zip(words.indices, words) {
            if i != words.startIndex { out.append(" ") }
            out.append(word)
        }
        return out
    }

    static func trimmed(_ s: some StringProtocol) -> String {
        var sub = Substring(s)
        // ASCII white space is trimmed on the bytes; anything else at an end takes the Unicode path.
        let utf8 = sub.utf8
        func asciiSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var lo = utf8.startIndex, hi = utf8.endIndex
        while lo < hi, asciiSpace(utf8[lo]) { lo = utf8.index(after: lo) }
        while hi > lo, asciiSpace(utf8[utf8.index(before: hi)]) { hi = utf8.index(before: hi) }
        if (lo == hi || utf8[lo] < 0x80) && (hi == lo || utf8[utf8.index(before: hi)] < 0x80) {
            return String(sub[lo..<hi])
        }
        while let f = sub.first, f.isWhitespace { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }

    static func isBlank(_ s: some StringProtocol) -> Bool {
        // ASCII bytes decide on their own; the first other byte hands the whole text to Characters.
        for byte in s.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { continue }
            if byte < 0x80 { return false }
            return s.allSatisfy(\.isWhitespace)
        }
        return true
    }

    /// True when `s` contains `needle`, compared byte for byte (Foundation's `contains` does a
    /// locale-aware search that costs more than the rest of reading a row).
    static func has(_ s: some StringProtocol, _ needle: String) -> Bool {
        // The needle's own bytes, not a copy into an array per call.
        var needle = needle
        return needle.withUTF8 { n in
            guard let first = n.first else { return true }
            if let found = s.utf8.withContiguousStorageIfAvailable({ find(n, first, in: $0) }) { return found }
            return find(n, first, in: Array(s.utf8))
        }
    }

    private static func find(_ needle: UnsafeBufferPointer<UInt8>, _ first: UInt8, in bytes: some RandomAccessCollection<UInt8>) -> Bool {
        guard bytes.count >= needle.count else { return false }
        var i = bytes.startIndex
        let last = bytes.index(bytes.endIndex, offsetBy: -needle.count)
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count, bytes[bytes.index(i, offsetBy: k)] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i = bytes.index(after: i)
        }
        return false
    }

    static func has(_ s: some StringProtocol, byte: UInt8) -> Bool {
        // On the stored bytes where they are contiguous: the generic walk over a UTF8View costs
        // more than the rest of looking at a cell.
        if let found = s.utf8.withContiguousStorageIfAvailable({ $0.contains(byte) }) { return found }
        return s.utf8.contains(byte)
    }

    /// True when `s` holds either byte (one pass).
    static func has(_ s: some StringProtocol, byte a: UInt8, or b: UInt8) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ $0.contains { $0 == a || $0 == b } }) { return found }
        return s.utf8.contains { $0 == a || $0 == b }
    }

    /// Words joined with single spaces, in storage of the joined length (`joined(separator:)`
    /// leaves a long line's string with room to spare, which a kept cell holds for good).
    static func joinedWords(_ words: some Collection<String>) -> String {
        if words.count == 1 { return words.first! }
        var out = ""
        out.reserveCapacity(words.reduce(max(words.count - 1, 0)) { $0 + $1.utf8.count })
        var first = true
        for word in words {
            if !first { out += " " }
            out += word
            first = false
        }
        return out
    }

    /// Joins the fragments of one cell that a layout broke over lines: with a single space,
    /// except after a word that the break cut at `/` or a hyphen ("Check/Add/" + "Delete",
    /// "tenant-" + "related"), which the document wrote as one word.
    static func joinFragments(_ fragments: [String]) -> String {
        var out = ""
        // Room for all the fragments and a space between each at once: joined one by one, a
        // long cell (a wrapped description, a word a line) kept half its storage unused.
        if fragments.count > 1 { out.reserveCapacity(fragments.reduce(fragments.count) { $0 + $1.utf8.count }) }
        for raw in fragments {
            let fragment = collapseSpaces(raw)
            guard !fragment.isEmpty else { continue }
            if out.isEmpty, fragments.count == 1 {
                out = fragment
            } else if out.isEmpty || endsWithBreakablePunctuation(out) {
                out += fragment
            } else {
                out += " "
                out += fragment
            }
        }
        return out
    }

    private static func endsWithBreakablePunctuation(_ s: String) -> Bool {
        guard let last = s.last, last == "/" || last == "-" else { return false }
        let before = s.dropLast().last
        return before.map { $0.isLetter || $0.isNumber } ?? false
    }

    /// Runs of white space become one space; ends are trimmed.
    static func collapseSpaces(_ s: some StringProtocol) -> String {
        func isClean(_ bytes: some Sequence<UInt8>) -> Bool {
            var previousSpace = true
            for byte in bytes {
                let space = byte == 0x20
                if byte == 0x09 || byte == 0xC2 || (space && previousSpace) { return false }
                previousSpace = space
            }
            return !previousSpace
        }
        let clean = s.utf8.withContiguousStorageIfAvailable { isClean($0) } ?? isClean(s.utf8)
        if clean { return String(s) }
        return words(s).joined(separator: " ")
    }

    /// Strips the formatting tags that pages carry into tables (`<b>`, `<br>`, `<ul><li>` …)
    /// and decodes the common entities. Any other tag is text the document wrote, and stays.
    static func stripTags(_ s: some StringProtocol) -> String {
        if !has(s, byte: UInt8(ascii: "<"), or: UInt8(ascii: "&")) { return String(s) }
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let tail = rest[open...]
            if let close = tail.firstIndex(of: ">"), isFormattingTag(tail[tail.index(after: open)..<close]) {
                out.append(" ")
                rest = tail[tail.index(after: close)...]
            } else {
                out.append("<")
                rest = tail.dropFirst()
            }
        }
        out += rest
        return decodeEntities(out)
    }

    static let formattingTags: Set<String> = [
        "b", "strong", "i", "em", "u", "s", "br", "span", "font", "p", "div", "sup", "sub", "small",
        "code", "a", "ul", "ol", "li", "tt", "mark", "abbr", "nobr", "wbr",
    ]

    /// The inside of `<…>`: a formatting tag, opening, closing or self-closing, with attributes.
    private static func isFormattingTag(_ inside: Substring) -> Bool {
        var body = inside
        if body.hasPrefix("/") { body = body.dropFirst() }
        let name = body.prefix { $0.isLetter || $0.isNumber }.lowercased()
        guard formattingTags.contains(name) else { return false }
        let after = body.dropFirst(name.count)
        return after.isEmpty || after.first == " " || after.first == "/" || after.first == "\t"
    }

    static func decodeEntities(_ s: String) -> String {
        guard has(s, byte: UInt8(ascii: "&")) else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = s[s.index(after: i)..<semi]
                if let decoded = entity(String(name)) {
                    out.append(decoded)
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    private static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            var digits = Substring(name)
            guard digits.first == "#" else { return nil }
            digits = digits.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }

    /// "[text](url)" becomes "text"; bold and italic marks are dropped.
    static func markdownLinkText(_ s: String) -> String {
        guard has(s, "](") || has(s, "**") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "[", let close = s[i...].firstIndex(of: "]"), s.index(after: close) < s.endIndex,
               s[s.index(after: close)] == "(", let end = s[close...].firstIndex(of: ")") {
                out += s[s.index(after: i)..<close]
                i = s.index(after: end)
                continue
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out.replacingAll("**", with: "")
    }

    /// True when the text parses as a positive whole number ("12").
    static func isRowNumber(_ s: some StringProtocol) -> Bool {
        // ASCII digits only, so bytes and Characters are the same count.
        s.utf8.count >= 1 && s.utf8.count <= 9 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
