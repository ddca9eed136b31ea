import Foundation

/// Graphviz's SVG made fit to sit inside an HTML page: no XML prolog, doctype or comments, and
/// nothing that runs: `script` and `foreignObject` elements, event-handler attributes and links
/// are removed. The texts in it were escaped by the DOT emitter and again by Graphviz; this is
/// the second line of defence, so a hostile name stays text even if an escape upstream is missed.
public enum InlineSVG {
    public static func sanitise(_ svg: String) -> String {
        var text = svg
        if let start = text.range(of: "<svg") { text = String(text[start.lowerBound...]) }
        text = replace(#"<!--[\s\S]*?-->"#, in: text, with: "")
        text = replace(#"<\s*(script|foreignObject)\b[\s\S]*?<\s*/\s*\1\s*>"#, in: text, with: "", caseInsensitive: true)
        text = replace(#"<\s*/?\s*(script|foreignObject|iframe|object|embed)\b[^>]*>"#, in: text, with: "", caseInsensitive: true)
        text = replaceInTags(text)
        // Graphviz writes every hyphen as `&#45;`; a plain hyphen is the same character and keeps ids readable.
        text = text.replacingOccurrences(of: "&#45;", with: "-")
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Removes `on…=`, `href=` and `xlink:href=` attributes from every start tag.
    private static func replaceInTags(_ text: String) -> String {
        let tag = try! NSRegularExpression(pattern: #"<[A-Za-z][^>]*>"#)
        let attribute = try! NSRegularExpression(
            pattern: #"\s+(?:on[A-Za-z0-9_:-]*|(?:xlink:)?href|formaction)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)"#,
            options: [.caseInsensitive])
        let source = text as NSString
        var out = ""
        var last = 0
        for match in tag.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            out += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let original = source.substring(with: match.range)
            out += attribute.stringByReplacingMatches(in: original, range: NSRange(location: 0, length: (original as NSString).length),
                                                      withTemplate: "")
            last = match.range.location + match.range.length
        }
        out += source.substring(from: last)
        return out
    }

    private static func replace(_ pattern: String, in text: String, with template: String, caseInsensitive: Bool = false) -> String {
        let regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        return regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length),
                                              withTemplate: template)
    }
}
