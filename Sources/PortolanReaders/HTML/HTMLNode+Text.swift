/// Reading text out of the tree the way a browser shows it.
extension HTMLNode {
    /// Elements below this one in document order (not descending into nested tables when asked).
    func elements(named name: String, intoTables: Bool = true) -> [HTMLNode] {
        var found: [HTMLNode] = []
        for child in children where child.kind == .element {
            if child.name == name { found.append(child) }
            if child.name == "table" && !intoTables { continue }
            found += child.elements(named: name, intoTables: intoTables)
        }
        return found
    }

    func first(named name: String) -> HTMLNode? {
        for child in children where child.kind == .element {
            if child.name == name { return child }
            if let found = child.first(named: name) { return found }
        }
        return nil
    }

    /// The visible text: `<br>` and block ends become spaces, scripts and styles are skipped,
    /// runs of white space collapse.
    var plainText: String { Text.collapseSpaces(rawText) }

    private var rawText: String {
        switch kind {
        case .text:
            return text
        case .element:
            if ["script", "style", "template"].contains(name) { return "" }
            if name == "br" { return " " }
            let inner = children.map(\.rawText).joined()
            return ["p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "ul", "ol"].contains(name) ? " \(inner) " : inner
        }
    }

    /// The visible text without the lists below (the words that lead into a list).
    var textOutsideLists: String {
        var copy = self
        copy.children = children.filter { !($0.kind == .element && ($0.name == "ul" || $0.name == "ol")) }
            .map { $0.kind == .element ? { var c = $0; c.children = $0.children.filter { !($0.kind == .element && ($0.name == "ul" || $0.name == "ol")) }; return c }($0) : $0 }
        return copy.plainText
    }

    /// The texts of the `<li>` items below, without leading bullet characters.
    var listItems: [String] {
        elements(named: "li").map { item in
            var text = item.plainText
            while let f = text.first, "•·▪◦".contains(f) { text = Text.trimmed(text.dropFirst()) }
            return text
        }.filter { !$0.isEmpty }
    }

    /// Paragraph-like blocks of text in document order, for sentences such as the subject's.
    var blocks: [(line: Int, text: String, heading: Bool)] {
        var out: [(Int, String, Bool)] = []
        for child in children where child.kind == .element {
            switch child.name {
            case "script", "style", "table", "template":
                continue
            case "p", "h1", "h2", "h3", "h4", "h5", "li", "dd", "dt", "caption", "blockquote", "pre":
                let text = child.plainText
                if !text.isEmpty { out.append((child.line, text, child.name.hasPrefix("h"))) }
            default:
                out += child.blocks
            }
        }
        return out
    }

    /// `rowspan`/`colspan` as numbers, at least 1 and at most 1000.
    func span(_ attribute: String) -> Int {
        guard let value = attributes[attribute], let n = Int(Text.trimmed(value)) else { return 1 }
        return min(max(n, 1), 1000)
    }
}
