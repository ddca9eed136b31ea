import PortolanModel

/// A description cell that may hold an HTML list (`<ul><li>…</li></ul>`), possibly continued
/// on a line after a page break; the continuation finishes the last item.
enum DescriptionCell {
    struct Parsed {
        var text: String
        var items: [String]
    }

    static func parse(_ fragments: [String]) -> Parsed {
        guard let first = fragments.first else { return Parsed(text: "", items: []) }
        guard first.lowercased().contains("<li") else {
            return Parsed(text: Text.collapseSpaces(Text.stripTags(Text.joinFragments(fragments))), items: [])
        }
        var items = listItems(first)
        let rest = fragments.dropFirst().map { Text.stripTags($0) }
        if !rest.isEmpty, !items.isEmpty {
            items[items.count - 1] = Text.joinFragments([items[items.count - 1]] + rest)
        }
        return Parsed(text: items.joined(separator: " "), items: items)
    }

    /// The text of each `<li>`, without tags and without a leading bullet character.
    static func listItems(_ html: String) -> [String] {
        var items: [String] = []
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<li") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let bodyStart = rest.index(after: close)
            let bodyEnd = rest[bodyStart...].firstRange(of: "</li")?.lowerBound
                ?? rest[bodyStart...].firstRange(of: "<li")?.lowerBound
                ?? rest[bodyStart...].firstRange(of: "</ul")?.lowerBound
                ?? rest.endIndex
            var item = Text.collapseSpaces(Text.stripTags(rest[bodyStart..<bodyEnd]))
            while let f = item.first, "•·▪◦-*".contains(f) { item = Text.trimmed(item.dropFirst()) }
            if !item.isEmpty { items.append(item) }
            rest = rest[bodyEnd...]
            if rest.hasPrefix("</li") { rest = rest.dropFirst(4) }
        }
        return items
    }
}
