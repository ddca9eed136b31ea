import PortolanModel
/// Two component names that look alike but were not merged: candidates for the alias file.
public struct LookAlike: Codable, Sendable, Hashable {
    public var first: String
    public var second: String
    public var reason: String
}

public enum LookAlikes {
    /// Pairs of distinct names, in the order the names are given, that one of three tests links:
    /// one name's words appear in order inside the other ("Interaction Server" and "Interaction
    /// Server (VQ)"), one is the initials of the other ("DAS", "Designer Application Server"), or
    /// their letters (six or more, the first four equal) differ by at most a quarter of the shorter
    /// name ("Config server", "Config Service").
    public static func find(_ names: [String]) -> [LookAlike] {
        let facts = names.map(Facts.init)
        var found: [LookAlike] = []
        for (i, a) in facts.enumerated() {
            for b in facts[(i + 1)...] {
                if let reason = reason(a, b) { found.append(LookAlike(first: a.name, second: b.name, reason: reason)) }
            }
        }
        return found
    }

    /// What `reason` compares of a name, worked out once per name (`find` compares every pair).
    struct Facts {
        var name: String
        var key: String
        var words: [String]
        /// Upper-case letters when the name is one word of two or more capitals ("SBC").
        var abbreviation: String?
        var initials: String
        var keyWithoutDigits: String

        init(_ name: String) {
            self.name = name
            key = Names.key(name)
            words = NameKey.words(name)
            let letters = name.filter { $0.isLetter }
            abbreviation = letters.count >= 2 && !name.contains(" ") && letters == letters.uppercased() ? letters.uppercased() : nil
            initials = NameKey.initials(name)
            keyWithoutDigits = key.filter { !$0.isNumber }
        }
    }

    static func reason(_ a: String, _ b: String) -> String? {
        reason(Facts(a), Facts(b))
    }

    static func reason(_ a: Facts, _ b: Facts) -> String? {
        let keyA = a.key, keyB = b.key
        guard keyA != keyB, !keyA.isEmpty, !keyB.isEmpty else { return nil }
        let (short, long) = a.words.count <= b.words.count ? (a.words, b.words) : (b.words, a.words)
        if !short.isEmpty, NameKey.contains(long, phrase: short.joined(separator: " ")) {
            return "one name contains the other"
        }
        for (abbreviation, full) in [(a, b), (b, a)] {
            if let letters = abbreviation.abbreviation, full.initials.count > 1, full.initials.hasPrefix(letters) {
                return "\"\(abbreviation.name)\" is the initials of \"\(full.name)\""
            }
        }
        // Only longer names whose first letters agree: short ids ("RS", "ORS") and siblings
        // that differ up front ("DCU StatefulSet", "LDS StatefulSet") are not spelling variants.
        guard min(keyA.count, keyB.count) >= 6, keyA.prefix(4) == keyB.prefix(4) else { return nil }
        // Numbered siblings ("Service 1", "Service 12") differ in digits only: distinct by design.
        if a.keyWithoutDigits == b.keyWithoutDigits { return nil }
        let distance = Names.editDistance(keyA, keyB)
        if distance <= min(keyA.count, keyB.count) / 4 {
            return "spelled alike (\(distance) letter\(distance == 1 ? "" : "s") apart)"
        }
        return nil
    }
}
