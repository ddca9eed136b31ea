/// "did you mean" suggestions by edit distance.
public enum Suggest {
    /// ` (did you mean 'x'?)` for the nearest candidate within a third of the word's length, else "".
    public static func didYouMean(_ word: String, among candidates: [String]) -> String {
        let lower = word.lowercased()
        let scored = candidates.map { ($0, distance(lower, $0.lowercased())) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first, best.1 > 0, best.1 <= max(1, word.count / 3) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    /// Levenshtein distance over Characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
