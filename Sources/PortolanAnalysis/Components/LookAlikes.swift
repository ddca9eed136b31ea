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
        var found: [LookAlike] = []
        for (i, a) in names.enumerated() {
            for b in names[(i + 1)...] {
                if let reason = reason(a, b) { found.append(LookAlike(first: a, second: b, reason: reason)) }
            }
        }
        return found
    }

    static func reason(_ a: String, _ b: String) -> String? {
        let keyA = NameKey.key(a), keyB = NameKey.key(b)
        guard keyA != keyB, !keyA.isEmpty, !keyB.isEmpty else { return nil }
        let wordsA = NameKey.words(a), wordsB = NameKey.words(b)
        let (short, long) = wordsA.count <= wordsB.count ? (wordsA, wordsB) : (wordsB, wordsA)
        if !short.isEmpty, NameKey.contains(long, phrase: short.joined(separator: " ")) {
            return "one name contains the other"
        }
        for (abbreviation, full) in [(a, b), (b, a)] {
            let letters = abbreviation.filter { $0.isLetter }
            if letters.count >= 2, !abbreviation.contains(" "), letters == letters.uppercased(),
               NameKey.initials(full).count > 1, NameKey.initials(full).hasPrefix(letters.uppercased()) {
                return "\"\(abbreviation)\" is the initials of \"\(full)\""
            }
        }
        // Only longer names whose first letters agree: short ids ("RS", "ORS") and siblings
        // that differ up front ("DCU StatefulSet", "LDS StatefulSet") are not spelling variants.
        guard min(keyA.count, keyB.count) >= 6, keyA.prefix(4) == keyB.prefix(4) else { return nil }
        // Numbered siblings ("Service 1", "Service 12") differ in digits only: distinct by design.
        if keyA.filter({ !$0.isNumber }) == keyB.filter({ !$0.isNumber }) { return nil }
        let distance = NameKey.editDistance(keyA, keyB)
        if distance <= min(keyA.count, keyB.count) / 4 {
            return "spelled alike (\(distance) letter\(distance == 1 ? "" : "s") apart)"
        }
        return nil
    }
}
