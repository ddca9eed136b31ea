/// Comparing names as people write them: "multi-AZ" and "multi A-Z" are the same words.
public enum Names {
    /// Letters and digits only, lowercased: the key two spellings of one name share.
    public static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSetLite.isAlphanumeric($0) }.map(Character.init))
    }
}

/// Alphanumeric test on Unicode scalars without Foundation.
enum CharacterSetLite {
    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
