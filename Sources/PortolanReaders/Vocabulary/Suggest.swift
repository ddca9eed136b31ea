import PortolanModel

/// "did you mean" suggestions by edit distance.
public enum Suggest {
    /// ` (did you mean 'x'?)` for the nearest candidate within a third of the word's length, else "".
    public static func didYouMean(_ word: String, among candidates: [String]) -> String {
        let lower = word.lowercased()
        let scored = candidates.map { ($0, Names.editDistance(lower, $0.lowercased())) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first, best.1 > 0, best.1 <= max(1, word.count / 3) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }
}
