import PortolanModel

/// Small, pure helpers over component names: words, initials, versions.
public enum NameKey {
    /// Whitespace collapsed to single spaces, ends trimmed.
    public static func tidy(_ name: String) -> String {
        // Most names are ASCII with single spaces already: nothing to change.
        var previous: UInt8 = 0x20
        var tidy = true
        for byte in name.utf8 {
            if byte >= 0x80 || byte < 0x20 || byte == 0x7F || (byte == 0x20 && previous == 0x20) { tidy = false; break }
            previous = byte
        }
        if tidy, previous != 0x20 { return name }
        return name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Lowercase words of letters and digits ("Customer Browser/API" -> customer, browser, api).
    public static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: letters and digits are [A-Za-z0-9], without asking Unicode for each one.
            var words: [String] = []
            var word: [UInt8] = []
            for byte in name.utf8 {
                switch byte {
                case 0x41...0x5A: word.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: word.append(byte)
                default:
                    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
        return name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// True when `phrase` (lowercase words separated by spaces) occurs as consecutive words of `words`.
    static func contains(_ words: [String], phrase: String) -> Bool {
        let needle = phrase.split(separator: " ").map(String.init)
        guard !needle.isEmpty, needle.count <= words.count else { return false }
        for start in 0...(words.count - needle.count) where Array(words[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }

    /// The capital letters of a name ("CX Contact" -> "CXC", "Genesys Voice Platform" -> "GVP").
    public static func capitals(_ name: String) -> String {
        String(name.filter { $0.isUppercase && $0.isASCII })
    }

    /// First letters of the words, skipping joining words ("Session Border Controller" -> "SBC").
    public static func initials(_ name: String) -> String {
        let joining: Set<String> = ["and", "of", "the", "for", "a", "an"]
        return String(name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" })
            .filter { !joining.contains($0.lowercased()) }
            .compactMap { $0.first(where: \.isLetter) }
            .map { Character($0.uppercased()) })
    }

    /// Splits "Long Name (ABBR)" into ("Long Name", "ABBR"); nil when there is no trailing parenthesis.
    public static func parenthetical(_ name: String) -> (base: String, inner: String)? {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return nil }
        let base = tidy(String(name[..<open]))
        let inner = tidy(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
        guard !base.isEmpty, !inner.isEmpty else { return nil }
        return (base, inner)
    }

    /// Drops a trailing version word ("Redis 6.x" -> "Redis", "Kafka v2.1" -> "Kafka"); nil when
    /// the last word is not a version. A version has a dot ("6.x", "2.8") or a leading v ("v2").
    public static func withoutVersion(_ name: String) -> String? {
        let parts = tidy(name).split(separator: " ")
        guard parts.count >= 2, let last = parts.last, Names.isVersion(last) else { return nil }
        return parts.dropLast().joined(separator: " ")
    }

}
