import PortolanModel

/// The protocol, port and classification cells of a wrapped row. They are short, look like
/// themselves, and stand together on one line, so they anchor the row: words before them are
/// the source and destination, words after them the description.
struct Anchor: Equatable {
    /// Index of the first word of the window in its line, and one past the last.
    var start: Int
    var end: Int
    var `protocol`: String?
    var portWords: [String]
    var classification: String?
    /// True when the port cell is words ("Not known (...)") bounded by a protocol on the left
    /// and a classification on the right; such a window ranks below one whose port looks like a port.
    var freeTextPort = false

    var fieldCount: Int {
        (`protocol` == nil ? 0 : 1) + (portWords.isEmpty ? 0 : 1) + (classification == nil ? 0 : 1)
    }

    /// The best window in one line's words: the most fields, then the earliest. `order` is the
    /// order of the three columns in the table's header.
    static func find(in words: [String], order: [Column]) -> Anchor? {
        var best: Anchor?
        for start in words.indices {
            guard let candidate = match(words, from: start, order: order) else { continue }
            if best == nil || candidate.rank > best!.rank { best = candidate }
        }
        return best
    }

    private var rank: Int { fieldCount * 2 - (freeTextPort ? 1 : 0) }

    private static func match(_ words: [String], from start: Int, order: [Column]) -> Anchor? {
        var anchor = Anchor(start: start, end: start, protocol: nil, portWords: [], classification: nil)
        var i = start
        for column in order {
            guard i < words.count else { break }
            switch column {
            case .protocol:
                if Vocabulary.isProtocol(words[i]) { anchor.protocol = words[i]; i += 1 }
            case .port:
                if anchor.protocol != nil, i < words.count, !PortCell.isPortWord(words[i]),
                   let bound = freeTextPortEnd(words, from: i, order: order) {
                    anchor.portWords = Array(words[i..<bound])
                    anchor.freeTextPort = true
                    i = bound
                    continue
                }
                while i < words.count, PortCell.isPortWord(words[i]) {
                    anchor.portWords.append(words[i])
                    let continues = PortCell.continues(words[i])
                    i += 1
                    if !continues { break }
                }
                // "5432 (default)", "443 (TLS)": a remark in parentheses belongs to the port cell
                // when the classification follows it.
                if !anchor.portWords.isEmpty, i < words.count, words[i].hasPrefix("("),
                   let close = words[i..<min(words.count, i + 6)].firstIndex(where: { $0.hasSuffix(")") }),
                   close + 1 < words.count, isClassification(words[close + 1]) {
                    anchor.portWords += words[i...close]
                    i = close + 1
                }
            case .classification:
                if isClassification(words[i]) { anchor.classification = words[i]; i += 1 }
            default:
                break
            }
        }
        anchor.end = i
        return anchor.fieldCount > 0 ? anchor : nil
    }

    /// Where a port cell written in words ends: at a classification within a few words, with
    /// no protocol or port between (the cell is bounded on both sides by cells that look like themselves).
    private static func freeTextPortEnd(_ words: [String], from start: Int, order: [Column]) -> Int? {
        guard let portIndex = order.firstIndex(of: .port), order.last == .classification, portIndex == order.count - 2 else { return nil }
        var j = start
        while j < min(words.count, start + 16) {
            if isClassification(words[j]) { return j > start ? j : nil }
            if Vocabulary.isProtocol(words[j]) || PortCell.isPortWord(words[j]) { return nil }
            j += 1
        }
        return nil
    }

    static let classificationWords = ReadingConventions.genesys.classificationWords

    /// The classification words of 13 letters or fewer, each packed in base 27 (a = 1 … z = 26).
    static let packedClassificationWords: Set<UInt64> = Set(classificationWords.compactMap { word in
        guard word.utf8.count <= 13, word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
        return word.utf8.reduce(UInt64(0)) { $0 * 27 + UInt64($1 - UInt8(ascii: "a") + 1) }
    })

    /// "Ingress", "Egress", "Intra-cluster", and combinations such as "Ingress/Egress".
    static func isClassification(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, "iIeE".unicodeScalars.contains(first), word.utf8.count <= 40 else { return false }
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the letters of each `/`-separated part, lowercased, packed into a number
            // byte by byte (no string is made); a part too long to pack takes the general path.
            var key: UInt64 = 0, letters = 0, length = 0, parts = 0
            var packable = true
            // Empty parts ("Ingress//Egress") are skipped, as `split` omits them.
            func endPart() -> Bool {
                if length == 0 { return true }
                parts += 1
                guard packedClassificationWords.contains(key) else { return false }
                key = 0; letters = 0; length = 0
                return true
            }
            for byte in word.utf8 {
                if byte == UInt8(ascii: "/") {
                    guard endPart() else { return false }
                    continue
                }
                length += 1
                let lower = byte | 0x20
                guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z"), byte >= UInt8(ascii: "A") else { continue }
                letters += 1
                if letters > 13 { packable = false; break }
                key = key * 27 + UInt64(lower - UInt8(ascii: "a") + 1)
            }
            if packable { return endPart() && parts > 0 }
        }
        let parts = word.split(separator: "/")
        guard !parts.isEmpty else { return false }
        return parts.allSatisfy { part in
            let key = part.lowercased().filter(\.isLetter)
            return classificationWords.contains(key)
        }
    }
}
