import PortolanModel

/// Reads a saved web page: the connections and "Included services" tables (`<table>` with
/// the header words, cells spanning rows or columns, `<br>` and lists inside cells), the
/// title, the subject sentence and the introduction.
enum HTMLReader {
    static func looksLikeHTML(path: String, lines: Lines) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return true }
        guard let first = lines.first(where: { !Text.isBlank($0) }) else { return false }
        let start = Text.trimmed(first).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    static func read(path: String, text: SourceText, options: DocumentReader.Options) -> Document {
        let bytes = Array(text.lines.joined(separator: "\n").utf8)
        let parsed = HTMLNode.parse(bytes)
        guard let root = parsed.root else {
            return Document(path: path, layout: "html", diagnostics: [Diagnostic(.error, "the HTML page could not be parsed\(parsed.stoppedEarly.map { ": \($0)" } ?? "")")])
        }
        let blocks = root.blocks
        let title = root.first(named: "h1")?.plainText ?? root.first(named: "title")?.plainText
        let prose = blocks.map(\.text)
        let subject = DocumentMetadata.subject(prose, title: title, conventions: options.conventions)
        var diagnostics: [Diagnostic] = []
        if let problem = parsed.stoppedEarly {
            diagnostics.append(Diagnostic(.warning, "the HTML parser stopped reading part of the page (\(problem)); tables in that part are not read"))
        }
        let grids = root.elements(named: "table").compactMap { grid($0, blocks: blocks, header: options.header) }
        var document = DocumentReader.read(path: path, grids: grids, title: title, subject: subject, intro: intro(blocks),
                                           diagnostics: diagnostics, options: options,
                                           starMeansConfigurable: DocumentReader.declaresConfigurableMark(prose),
                                           expected: "a <table> whose header row names Source, Destination, Protocol, Port and Classification")
        document.layout = "html"
        return document
    }

    /// A table as a grid: the first row the header matcher knows is the header; rows before it are dropped.
    static func grid(_ table: HTMLNode, blocks: [(line: Int, text: String, heading: Bool)], header matcher: HeaderMatcher) -> Grid? {
        let rows = grid(table)
        var context = Array(blocks.filter { $0.line <= table.line }.suffix(3).map(\.text))
        if let caption = table.first(named: "caption")?.plainText, !caption.isEmpty { context.append(caption) }
        for (index, row) in rows.enumerated() {
            let texts = row.map { $0.node.plainText }
            let services = matcher.isServices(texts, context: context)
            guard services || matcher.connectionRoles(texts) != nil else { continue }
            func gridRow(_ cells: [Cell]) -> GridRow {
                let line = cells.first?.line ?? table.line
                return GridRow(cells: cells.map { cell in
                    let items = services ? cell.node.listItems : []
                    let text = items.isEmpty ? cell.node.plainText : ServiceRows.cellText(lead: cell.node.textOutsideLists, items: items)
                    return GridCell(text, position: GridPosition(line: cell.line), spanned: cell.spanned)
                }, position: GridPosition(line: line))
            }
            let body = rows[(index + 1)...].filter { cells in
                let texts = cells.map { $0.node.plainText }
                return !(services ? matcher.isServices(texts, context: context) : matcher.connectionRoles(texts) != nil)
            }
            return Grid(layout: "html", header: [gridRow(row)], rows: body.map(gridRow), context: context,
                        position: GridPosition(line: row.first?.line ?? table.line))
        }
        return nil
    }

    /// The paragraphs after an "Introduction" heading, up to the next heading.
    static func intro(_ blocks: [(line: Int, text: String, heading: Bool)]) -> [String] {
        guard let start = blocks.firstIndex(where: { $0.heading && $0.text.lowercased().trimmingPunctuation == "introduction" }) else { return [] }
        return Array(blocks[(start + 1)...].prefix { !$0.heading }.map(\.text))
    }

    /// One cell of the grid a table makes once spans are filled in.
    struct Cell {
        var node: HTMLNode
        var line: Int
        /// Copied from a cell spanning rows or columns above or to the left.
        var spanned = false
    }

    /// The table as rows of cells, a spanning cell repeated in every row and column it covers.
    static func grid(_ table: HTMLNode) -> [[Cell]] {
        let rows = table.elements(named: "tr", intoTables: false)
        var grid: [[Cell?]] = Array(repeating: [], count: rows.count)
        for (r, row) in rows.enumerated() {
            var c = 0
            for cell in row.children where cell.kind == .element && (cell.name == "td" || cell.name == "th") {
                while c < grid[r].count, grid[r][c] != nil { c += 1 }
                let rowspan = min(cell.span("rowspan"), rows.count - r), colspan = cell.span("colspan")
                for dr in 0..<rowspan {
                    for dc in 0..<colspan {
                        let rr = r + dr, cc = c + dc
                        if grid[rr].count <= cc { grid[rr] += Array(repeating: nil, count: cc - grid[rr].count + 1) }
                        grid[rr][cc] = Cell(node: cell, line: row.line, spanned: dr > 0 || dc > 0)
                    }
                }
                c += colspan
            }
        }
        return zip(rows, grid).map { row, cells in
            cells.map { $0 ?? Cell(node: HTMLNode(kind: .text, name: "", attributes: [:], children: [], text: "", line: row.line), line: row.line) }
        }
    }
}
