import PortolanModel

/// Firewall and inventory matching of component names as written, ignoring case and punctuation: "MCP pool multi-AZ"
/// and "MCP pool multi A-Z" are the same component.
public enum ComponentMatch {
    public static func make(_ name: String) -> String { Names.key(name) }

    /// Levenshtein distance, for "did you mean" suggestions.
    static func distance(_ a: String, _ b: String) -> Int { Names.editDistance(a, b) }

    /// The closest candidate within a third of the name's length, if any.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let key = make(name)
        let scored = candidates.map { ($0, distance(key, make($0))) }.filter { $0.1 <= max(2, key.count / 3) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }
}
