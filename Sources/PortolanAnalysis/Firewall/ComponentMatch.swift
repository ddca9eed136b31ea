import PortolanModel

/// Firewall and inventory matching of component names as written, ignoring case and punctuation: "MCP pool multi-AZ"
/// and "MCP pool multi A-Z" are the same component.
public enum ComponentMatch {
    public static func make(_ name: String) -> String { Names.key(name) }

    /// The closest candidate (`Names.closest`), if any.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        Names.closest(to: name, among: candidates)
    }
}
