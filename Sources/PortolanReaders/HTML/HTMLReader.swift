import PortolanModel

/// Reads a saved web page: the connections and "Included services" tables (`<table>` with
/// the header words, cells spanning rows or columns, `<br>` and lists inside cells), the
/// title, the subject sentence and the introduction.
enum HTMLReader {
    static func looksLikeHTML(path: String, lines: [String]) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return true }
        guard let first = lines.first(where: { !Text.isBlank($0) }) else { return false }
        let start = Text.trimmed(first).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    static func read(path: String, text: SourceText) -> Document {
        let bytes = Array(text.lines.joined(separator: "\n").utf8)
        let parsed = HTMLNode.parse(bytes)
        guard let root = parsed.root else {
            return Document(path: path, layout: "html", diagnostics: [Diagnostic(.error, "the HTML page could not be parsed\(parsed.stoppedEarly.map { ": \($0)" } ?? "")")])
        }
        let blocks = root.blocks
        let title = root.first(named: "h1")?.plainText ?? root.first(named: "title")?.plainText
        let prose = blocks.map(\.text)
        let subject = DocumentMetadata.subject(prose, title: title)
        var document = Document(path: path, title: title, subject: subject, intro: intro(blocks), layout: "html")
        if let problem = parsed.stoppedEarly {
            document.diagnostics.append(Diagnostic(.warning, "the HTML parser stopped reading part of the page (\(problem)); tables in that part are not read"))
        }
        for table in root.elements(named: "table") {
            read(table: table, into: &document)
        }
        return DocumentReader.finished(document, expected: "a <table> whose header row names Source, Destination, Protocol, Port and Classification")
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
                        grid[rr][cc] = Cell(node: cell, line: row.line)
                    }
                }
                c += colspan
            }
        }
        return zip(rows, grid).map { row, cells in
            cells.map { $0 ?? Cell(node: HTMLNode(kind: .text, name: "", attributes: [:], children: [], text: "", line: row.line), line: row.line) }
        }
    }

    static func read(table: HTMLNode, into document: inout Document) {
        let rows = grid(table)
        for (index, row) in rows.enumerated() {
            let texts = row.map { $0.node.plainText }
            if let columns = TableHeader.connectionColumns(cells: texts) {
                readConnections(rows[(index + 1)...], columns: columns, into: &document)
                return
            }
            if TableHeader.isServicesHeader(cells: texts) {
                readServices(rows[(index + 1)...], into: &document)
                return
            }
        }
    }

    static func readConnections(_ rows: ArraySlice<[Cell]>, columns: [Column?], into document: inout Document) {
        for (ordinal, row) in rows.enumerated() {
            let texts = row.map { $0.node.plainText }
            guard texts.contains(where: { !$0.isEmpty }) else { continue }
            // A header repeated inside the table (long tables on wiki pages) is not a row.
            if TableHeader.connectionColumns(cells: texts) != nil { continue }
            func cell(_ column: Column) -> String {
                guard let i = columns.firstIndex(of: column), i < texts.count else { return "" }
                return texts[i]
            }
            let line = row.first?.line ?? 0
            let number = columns.contains(.number) ? cell(.number) : String(ordinal + 1)
            let (connection, diagnostics) = RowBuilder.connection(RowBuilder.Cells(
                number: number, source: cell(.source), destination: cell(.destination), protocol: cell(.protocol),
                port: cell(.port), classification: cell(.classification), description: cell(.description), line: line))
            document.connections.append(connection)
            document.diagnostics += diagnostics
            if columns.contains(.number), !Text.isRowNumber(number) {
                document.diagnostics.append(Diagnostic(.warning, "connection '\(number)': the Connection cell is not a number", line: line))
            }
        }
    }

    static func readServices(_ rows: ArraySlice<[Cell]>, into document: inout Document) {
        for row in rows where row.count >= 2 {
            let name = row[0].node.plainText
            guard !name.isEmpty, !TableHeader.isServicesHeader(cells: row.map { $0.node.plainText }) else { continue }
            let items = row[1].node.listItems
            let description = items.isEmpty ? row[1].node.plainText : items.joined(separator: " ")
            if description.isEmpty {
                document.diagnostics.append(Diagnostic(.warning, "included service '\(name)' has no description", line: row[0].line))
            }
            document.services.append(IncludedService(name: name, description: description, items: items, line: row[0].line))
        }
    }
}
