/// Comparing names as people write them, one way for every stage: "MCP pool multi-AZ" and
/// "MCP pool multi A-Z" have the same key.
public enum Names {
    /// Letters and digits only, lowercased: the key two spellings of one name share. ASCII, which
    /// names nearly always are, goes without Unicode property look-ups (names are compared pairwise).
    public static func key(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (65...90).contains(v) { out.append(Unicode.Scalar(UInt8(v + 32))) }
                else if (97...122).contains(v) || (48...57).contains(v) { out.append(scalar) }
            } else {
                for lower in String(scalar).lowercased().unicodeScalars
                where lower.properties.isAlphabetic || lower.properties.numericType != nil {
                    out.append(lower)
                }
            }
        }
        return String(out)
    }

    /// Levenshtein distance over Characters, for "did you mean" and spelling variants.
    public static func editDistance(_ a: String, _ b: String) -> Int {
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
