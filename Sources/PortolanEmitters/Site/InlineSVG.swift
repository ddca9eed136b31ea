/// Graphviz's SVG made fit to sit inside an HTML page: no XML prolog, doctype or comments, and
/// nothing that runs: `script` and `foreignObject` elements, event-handler attributes and links
/// are removed. The texts in it were escaped by the DOT emitter and again by Graphviz; this is
/// the second line of defence, so a hostile name stays text even if an escape upstream is missed.
///
/// One pass over the bytes (the site inlines every diagram, and regular expressions over the
/// whole text took a third of `build`). What it removes:
/// - everything before `<svg`; comments `<!-- … -->`;
/// - `<script …>…</script>` and `<foreignObject …>…</foreignObject>` with their content, and any
///   other start or end tag of script, foreignObject, iframe, object or embed;
/// - in every other tag, attributes named `on…`, `href`, `xlink:href` or `formaction` with their value;
/// and an unterminated comment or tag ends the drawing there. `&#45;` becomes `-`.
public enum InlineSVG {
    public static func sanitise(_ svg: String) -> String {
        let input = Array(svg.utf8)
        let scanner = Scanner(input)
        let start = scanner.find(Array("<svg".utf8), from: 0) ?? 0
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = start
        while i < input.count {
            let byte = input[i]
            guard byte == UInt8(ascii: "<") else {
                out.append(byte)
                i += 1
                continue
            }
            if scanner.matches(Array("<!--".utf8), at: i) {
                guard let end = scanner.find(Array("-->".utf8), from: i + 4) else { break }
                i = end + 3
                continue
            }
            let tag = scanner.tagName(at: i)
            if let name = tag.name, ["script", "foreignobject", "iframe", "object", "embed"].contains(name) {
                if !tag.closing, name == "script" || name == "foreignobject", let end = scanner.closingTag(name, from: tag.nameEnd) {
                    i = end
                    continue
                }
                guard let close = input[i...].firstIndex(of: UInt8(ascii: ">")) else { break }
                i = close + 1
                continue
            }
            guard i + 1 < input.count, isLetter(input[i + 1]) else {
                out.append(byte)
                i += 1
                continue
            }
            guard let close = input[i...].firstIndex(of: UInt8(ascii: ">")) else { break }
            out += withoutActiveAttributes(input[i...close])
            i = close + 1
        }
        while let last = out.last, isSpace(last) { out.removeLast() }
        return String(decoding: plainHyphens(out), as: UTF8.self)
    }

    /// Graphviz writes every hyphen as `&#45;`; a plain hyphen is the same character and keeps ids readable.
    static func plainHyphens(_ bytes: [UInt8]) -> [UInt8] {
        let entity = Array("&#45;".utf8)
        let scanner = Scanner(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), scanner.matches(entity, at: i) {
                out.append(UInt8(ascii: "-"))
                i += entity.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// A tag with every `on…=`, `href=`, `xlink:href=` and `formaction=` attribute (and the
    /// space before it) left out.
    static func withoutActiveAttributes(_ tag: ArraySlice<UInt8>) -> [UInt8] {
        let bytes = Array(tag)
        var out: [UInt8] = []
        var p = 0
        while p < bytes.count {
            guard isSpace(bytes[p]), let end = activeAttributeEnd(bytes, spaceAt: p) else {
                out.append(bytes[p])
                p += 1
                continue
            }
            p = end
        }
        return out
    }

    /// Where an active attribute that starts with the whitespace at `p` ends, or nil when what
    /// follows the whitespace is not one.
    private static func activeAttributeEnd(_ bytes: [UInt8], spaceAt p: Int) -> Int? {
        var q = p
        while q < bytes.count, isSpace(bytes[q]) { q += 1 }
        let nameStart = q
        while q < bytes.count, isNameByte(bytes[q]) { q += 1 }
        let name = String(decoding: bytes[nameStart..<q], as: UTF8.self).lowercased()
        guard name.hasPrefix("on") || ["href", "xlink:href", "formaction"].contains(name) else { return nil }
        while q < bytes.count, isSpace(bytes[q]) { q += 1 }
        guard q < bytes.count, bytes[q] == UInt8(ascii: "=") else { return nil }
        q += 1
        while q < bytes.count, isSpace(bytes[q]) { q += 1 }
        guard q < bytes.count else { return nil }
        for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] where bytes[q] == quote {
            if let close = bytes[(q + 1)...].firstIndex(of: quote) { return close + 1 }
        }
        var end = q
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
        return end > q ? end : nil
    }

    struct Scanner {
        let bytes: [UInt8]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        func matches(_ needle: [UInt8], at index: Int) -> Bool {
            index + needle.count <= bytes.count && bytes[index..<index + needle.count].elementsEqual(needle)
        }

        func find(_ needle: [UInt8], from start: Int) -> Int? {
            var index = start
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], matches(needle, at: index) { return index }
                index += 1
            }
            return nil
        }

        /// The lowercased name of the tag opening at `index` (`<` spaces `/`? spaces name), where
        /// its name ends, and whether it is an end tag; no name when letters do not follow.
        func tagName(at index: Int) -> (name: String?, closing: Bool, nameEnd: Int) {
            var j = index + 1
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            let closing = j < bytes.count && bytes[j] == UInt8(ascii: "/")
            if closing {
                j += 1
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            }
            let start = j
            while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
            guard j > start else { return (nil, closing, j) }
            return (String(decoding: bytes[start..<j], as: UTF8.self).lowercased(), closing, j)
        }

        /// The index after the first `</name>` (spaces allowed inside) at or after `start`.
        func closingTag(_ name: String, from start: Int) -> Int? {
            var index = start
            while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
                let tag = tagName(at: open)
                if tag.closing, tag.name == name {
                    var j = tag.nameEnd
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: ">") { return j + 1 }
                }
                index = open + 1
            }
            return nil
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Letters, digits and `_` (a regular expression's `\w` in ASCII).
    static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// Letters, digits, `_`, `:` and `-`: an attribute name.
    static func isNameByte(_ byte: UInt8) -> Bool {
        isWordByte(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
    }
}
