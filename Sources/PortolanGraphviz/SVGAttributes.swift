import Foundation

/// Graphviz writes every `-` in an SVG attribute as `&#45;` (it must, inside XML comments).
/// In `id` and `class` values that hides the names the site and tests look for
/// (`id="conn-5"`), so there it is written back as `-`, which XML allows unescaped.
enum SVGAttributes {
    static func plainHyphens(_ svg: String) -> String {
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var rest = Substring(svg)
        while let start = nextAttribute(in: rest) {
            out += rest[..<start.valueStart]
            let afterValue = rest[start.valueStart...]
            guard let close = afterValue.firstIndex(of: "\"") else {
                rest = afterValue
                break
            }
            out += afterValue[..<close].replacingOccurrences(of: "&#45;", with: "-")
            rest = afterValue[close...]
        }
        out += rest
        return out
    }

    /// The start of the next ` id="` or ` class="` value.
    private static func nextAttribute(in text: Substring) -> (valueStart: Substring.Index, marker: Range<Substring.Index>)? {
        let markers = [" id=\"", " class=\""]
        let found = markers.compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        return found.map { ($0.upperBound, $0) }
    }
}
