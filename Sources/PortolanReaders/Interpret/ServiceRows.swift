import PortolanModel

/// The rows of an "Included services" grid: a name and a description that may be a list.
enum ServiceRows {
    /// A list is written in a grid cell one item a line, each line starting with "• ".
    static func cellText(lead: String, items: [String]) -> String {
        ([lead].filter { !$0.isEmpty } + items.map { "• " + $0 }).joined(separator: "\n")
    }

    static func cellText(_ parsed: DescriptionCell.Parsed) -> String {
        parsed.items.isEmpty ? parsed.text : parsed.items.map { "• " + $0 }.joined(separator: "\n")
    }

    static func read(_ grid: Grid) -> ColumnInterpreter.Interpreted {
        var result = ColumnInterpreter.Interpreted()
        result.isServices = true
        for row in grid.rows where row.cells.count >= 1 {
            let name = Text.collapseSpaces(row.cells[0].text)
            guard !name.isEmpty else { continue }
            let cell = row.cells[safe: 1]?.text ?? ""
            let lines = cell.split(separator: "\n").map { Text.trimmed($0) }
            // Bullet lines are the list's items; a line before them leads into the list.
            let items = lines.filter { $0.hasPrefix("• ") }.map { Text.collapseSpaces($0.dropFirst(2)) }
            let lead = lines.filter { !$0.hasPrefix("• ") }
            let description = Text.collapseSpaces((lead + items).joined(separator: " "))
            if description.isEmpty {
                result.diagnostics.append(Diagnostic(.warning, "included service '\(name)' has no description", line: row.position.line, page: row.position.page))
            }
            result.services.append(IncludedService(name: name, description: description, items: items, line: row.position.line))
        }
        return result
    }
}

/// Markup inside a cell rendered to text: HTML tags and entities, `<br>`, Markdown links,
/// bold, italics and code.
enum CellMarkup {
    static func render(_ cell: String) -> String {
        var text = Text.stripTags(cell)
        // Most cells hold none of the marks: one pass over the bytes says so.
        func isMark(_ b: UInt8) -> Bool { b == UInt8(ascii: "]") || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "`") }
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: isMark) }) ?? text.utf8.contains(where: isMark) else { return text }
        if Text.has(text, "](") || Text.has(text, "**") { text = Text.markdownLinkText(text) }
        // Replaced only when there: "6379*" keeps its string.
        if Text.has(text, "__") { text = text.replacingAll("__", with: "") }
        if Text.has(text, byte: UInt8(ascii: "`")) { text = text.replacingAll("`", with: "") }
        return text
    }
}
