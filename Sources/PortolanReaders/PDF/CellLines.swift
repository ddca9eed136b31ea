/// Joins the lines of a table cell back into the text that was written. A line ends in a space
/// unless the break was inside a word: after a hyphen or slash ("Front-" / "end",
/// "Browser/" / "API"), or where a word longer than the column was cut at the column's edge
/// ("9092/90" / "93*", "RTP/RT" / "CP", "Postgr" / "es"). Where the cut left two pieces of
/// letters, the document's other words decide: "Compliance" / "data" stays two words because
/// "data" is written elsewhere; "Postgr" / "es" is one because neither piece is a word the
/// document writes anywhere else, and "Postgres" may well be; "Management" / "plugin" stays two
/// because a cut that leaves five letters or more on both sides is rarer than a wrap.
struct CellLines {
    /// How often each word (lowercased, without surrounding punctuation) is written in the document.
    var vocabulary: [String: Int]

    init(words: [PDFWord]) {
        var vocabulary: [String: Int] = [:]
        for word in words { vocabulary[Self.key(word.text), default: 0] += 1 }
        self.vocabulary = vocabulary
    }

    /// A word lowercased, without the punctuation around it ("(con" is "con", "Service," is "service").
    static func key(_ word: String) -> String {
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        var scalars = Substring(word.lowercased()).unicodeScalars
        while let first = scalars.first, !isWordScalar(first) { scalars.removeFirst() }
        while let last = scalars.last, !isWordScalar(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// `em`: the height of the table's words.
    func join(_ lines: [[PDFWord]], columnRight: Double, em: Double) -> String {
        var text = ""
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let words = line.map(\.text).joined(separator: " ")
            if index > 0, !text.isEmpty {
                if !brokenInsideWord(previous: lines[index - 1], next: line, columnRight: columnRight, em: em) {
                    text += " "
                }
            }
            text += words
        }
        return text
    }

    func brokenInsideWord(previous: [PDFWord], next: [PDFWord], columnRight: Double, em: Double) -> Bool {
        guard let last = previous.last?.text, let first = next.first?.text,
              let end = last.last, let start = first.first else { return false }
        if (end == "-" || end == "/"), last.count >= 2 {
            let before = last[last.index(last.endIndex, offsetBy: -2)]
            if before.isLetter || before.isNumber { return true }
        }
        // A word cut at the edge: alone on its line and reaching the column's right edge.
        // It ends short of the edge by less than the next character, which did not fit.
        let nextCharacter = (next[0].x1 - next[0].x0) / Double(max(first.count, 1))
        guard previous.count == 1, let word = previous.first,
              word.x1 >= columnRight - max(0.35 * em, 1.3 * nextCharacter) else { return false }
        if start.isLowercase {
            let piece = Self.key(first), whole = Self.key(last + first)
            if vocabulary[whole, default: 0] > 0 { return true }
            // Two pieces of five letters or more are two words a line wrapped between
            // ("Management" / "plugin"); a cut leaves a short piece ("Protoc" / "ol").
            if piece.count >= 5 && Self.key(last).count >= 5 { return false }
            return vocabulary[piece, default: 0] <= 1 && vocabulary[Self.key(last), default: 0] <= 1
        }
        if end.isNumber && start.isNumber { return true }
        if "*†‡,.;:)]".contains(start) { return true }
        if end.isUppercase && first.allSatisfy({ $0.isUppercase || $0.isNumber || $0.isPunctuation }) { return true }
        return false
    }
}
