import PortolanModel

/// "did you mean" suggestions by edit distance.
public enum Suggest {
    /// ` (did you mean 'x'?)` for the nearest candidate (`Names.closest`), else "".
    public static func didYouMean(_ word: String, among candidates: [String]) -> String {
        Names.closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
