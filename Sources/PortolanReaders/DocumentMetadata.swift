/// The title and subject of a document, from the sentences and headings these pages use.
enum DocumentMetadata {
    /// The first Markdown heading that is not a section name, else a line ending in "Guide"
    /// near the top (a PDF's title line).
    static func title<L: RandomAccessCollection<String>>(_ lines: L) -> String? where L.Index == Int {
        let sectionWords: Set<String> = ["contents", "introduction", "architecture", "connections table",
                                          "included services", "related documentation", "rss"]
        for line in lines.prefix(60) {
            let t = Text.trimmed(line)
            guard t.hasPrefix("#") else { continue }
            let text = Text.collapseSpaces(t.drop { $0 == "#" })
            if !text.isEmpty && !sectionWords.contains(text.lowercased().trimmingPunctuation) { return text }
        }
        for line in lines.prefix(30) {
            let text = Text.collapseSpaces(line)
            if text.hasSuffix(" Guide"), text.count <= 120 { return text }
        }
        return nil
    }

    /// "from the point of view of X as a service in the network"; where X is blank, "Learn about
    /// X architecture"; else the title without "Private Edition Guide".
    static func subject<L: RandomAccessCollection<String>>(_ lines: L, title: String?, conventions: ReadingConventions = .genesys) -> String? {
        let prose = Text.collapseSpaces(lines.prefix(400).map { Text.stripTags($0) }.joined(separator: " ")
            .replacingAll("**", with: "").replacingAll("*", with: ""))
        for sentence in conventions.subjectSentences {
            if let name = firstCapture(in: prose, after: sentence.before, before: sentence.after) { return name }
        }
        guard var name = title else { return nil }
        for suffix in conventions.titleSuffixes where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        // "Outbound (CX Contact)": the name in parentheses is the product's own.
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let inner = Text.trimmed(name[name.index(after: open)..<name.index(before: name.endIndex)])
            if !inner.isEmpty { return inner }
        }
        return name.isEmpty ? nil : name
    }

    /// The first non-empty text between `after` and `before` (at most eight words).
    private static func firstCapture(in text: String, after: String, before: String) -> String? {
        // Case-insensitive for ASCII letters only, so byte offsets in the folded copy hold in the text.
        let folded = Array(text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 })
        let bytes = Array(text.utf8)
        let open = Array(after.lowercased().utf8), close = Array(before.lowercased().utf8)
        var from = 0
        while let start = find(open, in: folded, from: from) {
            let nameStart = start + open.count
            if let end = find(close, in: folded, from: nameStart) {
                let name = Text.trimmed(String(decoding: bytes[nameStart..<end], as: UTF8.self))
                if !name.isEmpty, Text.words(name).count <= 8 { return name }
            }
            from = nameStart
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The paragraphs under an "Introduction" heading, up to the next heading-like line (short,
    /// no closing punctuation) or table. Lines of one paragraph are joined; blank lines part them.
    static func intro<L: RandomAccessCollection<String>>(_ lines: L) -> [String] where L.Index == Int {
        guard let start = lines.firstIndex(where: { isHeading($0, named: "introduction") }) else { return [] }
        var paragraphs: [String] = []
        var current: [String] = []
        func flush() {
            let text = Text.joinFragments(current)
            if !text.isEmpty { paragraphs.append(Text.markdownLinkText(Text.stripTags(text))) }
            current = []
        }
        for line in lines[(start + 1)...] {
            let text = Text.collapseSpaces(line)
            if text.isEmpty { flush(); continue }
            if looksLikeHeading(text) || line.contains("\t") || text.hasPrefix("|") { break }
            current.append(text)
        }
        flush()
        return paragraphs
    }

    private static func isHeading(_ line: String, named name: String) -> Bool {
        guard line.utf8.count <= name.utf8.count + 24 else { return false }
        // An ASCII line that does not hold the name, in any case, is not the heading.
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            // Compared byte for byte, ASCII capitals lowered on the fly (`name` is lowercase).
            var line = line, name = name
            let found = line.withUTF8 { hay in
                name.withUTF8 { needle in
                    hay.count >= needle.count && (0...(hay.count - needle.count)).contains { at in
                        needle.indices.allSatisfy { k in
                            let b = hay[at + k]
                            return (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b) == needle[k]
                        }
                    }
                }
            }
            guard found else { return false }
        }
        return Text.collapseSpaces(line.drop { $0 == "#" || $0 == " " }).lowercased().trimmingPunctuation == name
    }

    /// A Markdown heading, or a short line without closing punctuation ("Architecture diagram — Connections").
    static func looksLikeHeading(_ text: String) -> Bool {
        if text.hasPrefix("#") || text == "---" { return true }
        guard let last = text.last else { return false }
        return text.count <= 60 && !".:;,)".contains(last) && !text.hasPrefix("-") && !text.hasPrefix("•")
            && !text.hasPrefix("[") && (text.first?.isUppercase ?? false)
    }
}
