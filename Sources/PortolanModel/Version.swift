extension Names {
    /// The one version detector: "6.x", "2.10", "v2", "V2.1" are versions that qualify the name
    /// before them ("Redis 6.x"); a bare number ("6") is not (it may be part of the name).
    public static func isVersion(_ word: some StringProtocol) -> Bool {
        var body = Substring(word.lowercased())
        let prefixed = body.hasPrefix("v")
        if prefixed { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        func digits(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard let first = parts.first, digits(first) else { return false }
        if parts.count == 1 { return prefixed }
        return parts.dropFirst().allSatisfy { $0 == "x" || digits($0) }
    }
}
