extension Names {
    /// The one "did you mean": the candidate nearest to `written` by edit distance between their
    /// keys (case, spaces and punctuation ignored), when it is close enough to be a slip (at most
    /// two edits, or a third of the key's length for long words) and not the word itself; ties go
    /// to the earlier candidate.
    public static func closest(to written: String, among candidates: [String]) -> String? {
        let key = Names.key(written)
        guard !key.isEmpty else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(key, Names.key(candidate))
            if distance > 0, distance <= max(2, key.count / 3), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }
}
