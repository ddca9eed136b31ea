/// Short, unique prefixes for the products of the platform view, so a badge names its row
/// unambiguously ("VM-5" is row 5 of Voice Microservices, "GP-5" row 5 of Genesys Pulse).
public enum BadgePrefix {
    /// Products (name, slug) in first-seen order -> slug: prefix. The prefix is the name's capital
    /// letters and digits ("Voice Microservices" -> "VM", "CX Contact" -> "CXC"), else its words'
    /// initials, upper-cased; a prefix already taken gets 2, 3, ... appended.
    public static func make(_ products: [(name: String, slug: String)]) -> [String: String] {
        var result: [String: String] = [:]
        var used: Set<String> = []
        for (name, slug) in products where result[slug] == nil {
            var stem = String(name.unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
            if stem.count < 2 {
                stem = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).compactMap(\.first).map { String($0).uppercased() }.joined()
            }
            if stem.isEmpty { stem = "P" }
            stem = String(stem.prefix(5))
            var prefix = stem
            var counter = 2
            while used.contains(prefix) {
                prefix = "\(stem)\(counter)"
                counter += 1
            }
            used.insert(prefix)
            result[slug] = prefix
        }
        return result
    }
}
