/// The words of a description as `DescriptionMismatch` reads them, with shortcuts for plain
/// ASCII text (a large table's descriptions) that give what asking Unicode about each character
/// gives: `LintFastPathTests` holds the two equal.
extension DescriptionMismatch {
    /// The description's words as written (letters and digits only).
    static func original(_ text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return originalByCharacter(text) }
        // ASCII: letters and digits are [A-Za-z0-9], without asking Unicode for each one.
        var words: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start: Int?
            for (index, byte) in bytes.enumerated() {
                if isASCIILetterOrDigit(byte) {
                    if start == nil { start = index }
                } else if let first = start {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self))
                    start = nil
                }
            }
            if let first = start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first...]), as: UTF8.self)) }
        }
        return words
    }

    /// `original` asking Unicode about each character: what any text gets, and what the ASCII path must equal.
    static func originalByCharacter(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// `original(text).count` for an ASCII text, without making the words; nil for other text.
    static func asciiWordCount(_ text: String) -> Int? {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let letterOrDigit = isASCIILetterOrDigit(byte)
            if letterOrDigit, !inWord { count += 1 }
            inWord = letterOrDigit
        }
        return count
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }

    /// `text.split(separator: ".")`, without looking at each character of a text with no full stop.
    static func sentences(_ text: String) -> [Substring] {
        if !text.utf8.contains(0x2E) { return text.isEmpty ? [] : [text[...]] }
        return text.split(separator: ".")
    }

    /// The sentence's opening run of capitalised words ("Pulse Load Distribution Server (LDS)").
    static func leadingCapitalised(_ sentence: Substring) -> [String] {
        if opensWithoutCapital(sentence) { return [] }
        return leadingCapitalisedByCharacter(sentence)
    }

    /// True when the sentence's bytes alone show it has no capitalised opening: its first word's
    /// first letter is an ASCII lowercase one, or the word (or the sentence) has no letter,
    /// before any byte that is not printable ASCII or ASCII whitespace. False when it may have one.
    static func opensWithoutCapital(_ sentence: Substring) -> Bool {
        var inWord = false
        for byte in sentence.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20: if inWord { return true }
            case 0x41...0x5A: return false
            case 0x61...0x7A: return true
            case 0x21...0x7E: inWord = true
            default: return false
            }
        }
        return true
    }

    /// `leadingCapitalised` asking Unicode about each character: what the ASCII check must agree with.
    static func leadingCapitalisedByCharacter(_ sentence: Substring) -> [String] {
        var run: [String] = []
        for word in sentence.split(whereSeparator: \.isWhitespace) {
            let letters = word.drop { !$0.isLetter }
            guard let first = letters.first, first.isUppercase else { break }
            run.append(String(word))
        }
        return run
    }
}
