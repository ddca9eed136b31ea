import PortolanModel

/// reStructuredText simple tables: borders of `=` runs give the columns; the header sits
/// between the first two borders (a `-` line under a cell that spans columns marks a group
/// label, not a column's header); a row whose first column is blank continues the row above.
struct RSTSimpleLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let lines = context.lines
        guard let columns = Self.border(lines[index], of: "="), columns.count >= 2 else { return nil }
        // The header's end: the next border.
        guard let headerEnd = (index + 1..<min(lines.count, index + 8)).first(where: { Self.border(lines[$0], of: "=") != nil }),
              headerEnd > index + 1 else { return nil }
        var headerRows: [GridRow] = []
        var spanLine: [Range<Int>]?
        for i in index + 1..<headerEnd {
            if let spans = Self.border(lines[i], of: "-") { spanLine = spans; continue }
            var row = Self.cut(lines[i], line: i + 1, columns: columns)
            if spanLine == nil, let nextSpans = (i + 1..<headerEnd).lazy.compactMap({ Self.border(lines[$0], of: "-") }).first {
                // Above a span line: a text over several columns is a group label.
                for (c, column) in columns.enumerated() {
                    let covering = nextSpans.first { $0.overlaps(column) }
                    if let covering, columns.filter({ $0.overlaps(covering) }).count > 1 { row.cells[c].text = "" }
                }
            }
            headerRows.append(row)
        }
        let headerTexts = ColumnInterpreter.joinedHeader(headerRows, matcher: context.header)
        let before = context.context(before: index)
        let services = context.header.isServices(headerTexts, context: before)
        guard services || context.header.connectionRoles(headerTexts) != nil else { return nil }
        // Rows given one at a time, each when the next one starts (a row whose first column is
        // blank continues the row above): the table never stands whole as a grid.
        let stream = RowStream(most: max(lines.count - headerEnd - 1, 0)) { give in
            var current: GridRow?
            func finish(_ row: GridRow) {
                var row = row
                for c in row.cells.indices { row.cells[c].text = CellMarkup.render(row.cells[c].text) }
                give(row)
            }
            var i = headerEnd + 1
            while i < lines.count {
                let line = lines[i]
                if Self.border(line, of: "=") != nil { i += 1; break }
                if Text.isBlank(line) || Self.border(line, of: "-") != nil { i += 1; continue }
                let row = Self.cut(line, line: i + 1, columns: columns)
                if Text.isBlank(row.cells[0].text), current != nil {
                    for (c, cell) in row.cells.enumerated() where !Text.isBlank(cell.text) {
                        current!.cells[c].text = Text.joinFragments([current!.cells[c].text, cell.text])
                    }
                } else {
                    if let done = current { finish(done) }
                    current = row
                }
                i += 1
            }
            if let done = current { finish(done) }
            return ([], i)
        }
        let grid = Grid(layout: "rst", header: headerRows, rows: [], context: before, position: GridPosition(line: index + 1))
        return Recognised(grid: grid, end: headerEnd + 1, stream: stream)
    }

    /// The column ranges of a border line made of runs of `mark` parted by spaces.
    static func border(_ line: String, of mark: Character) -> [Range<Int>]? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == mark, line.allSatisfy({ $0 == mark || $0 == " " }) else { return nil }
        var ranges: [Range<Int>] = []
        var start: Int?
        for (offset, ch) in line.enumerated() {
            if ch == mark { if start == nil { start = offset } } else if let s = start { ranges.append(s..<offset); start = nil }
        }
        if let s = start { ranges.append(s..<line.count) }
        return ranges.count >= 1 ? ranges : nil
    }

    /// A line cut at the columns; the last column takes the rest of the line.
    static func cut(_ line: String, line number: Int, columns: [Range<Int>]) -> GridRow {
        let chars = Array(line)
        var cells: [GridCell] = []
        for (c, column) in columns.enumerated() {
            let from = min(column.lowerBound, chars.count)
            let to = c == columns.count - 1 ? chars.count : min(columns[c + 1].lowerBound, chars.count)
            cells.append(GridCell(Text.collapseSpaces(String(chars[from..<max(from, to)])), position: GridPosition(line: number, column: from + 1)))
        }
        return GridRow(cells: cells, position: GridPosition(line: number))
    }
}

/// reStructuredText grid tables: `+---+` borders give the columns, `+===+` ends the header,
/// the lines of a row between borders are joined per column.
struct RSTGridLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let lines = context.lines
        guard let columns = Self.border(lines[index]), columns.count >= 2 else { return nil }
        var header: [GridRow] = []
        var rows: [GridRow] = []
        var current: GridRow?
        /// Columns a partial border leaves open: their cell spans into the next row.
        var open: [Int: String] = [:]
        var inHeader = true
        var sawHeaderEnd = false
        var i = index + 1
        while i < lines.count {
            let raw = lines[i]
            let line = Text.trimmed(raw).isEmpty ? "" : raw
            if line.hasPrefix("+") || Text.trimmed(line).hasPrefix("+") {
                if let row = current { if inHeader { header.append(row) } else { rows.append(row) } }
                open = [:]
                if let row = current {
                    let chars = Array(lines[i])
                    for (c, column) in columns.enumerated() where column.lowerBound < chars.count && chars[column.lowerBound] == " " {
                        open[c] = row.cells[c].text
                    }
                }
                current = nil
                if line.contains("=") { inHeader = false; sawHeaderEnd = true }
                i += 1
                continue
            }
            guard Text.trimmed(line).hasPrefix("|") else { break }
            let cut = Self.cut(lines[i], line: i + 1, columns: columns)
            if var row = current {
                for (c, cell) in cut.cells.enumerated() where !Text.isBlank(cell.text) && open[c] == nil {
                    row.cells[c].text = Text.joinFragments([row.cells[c].text, cell.text])
                }
                current = row
            } else {
                var row = cut
                for (c, text) in open { row.cells[c].text = text; row.cells[c].spanned = true }
                current = row
            }
            i += 1
        }
        if let row = current { rows.append(row) }
        guard sawHeaderEnd, !header.isEmpty else { return nil }
        // The rows of one header cell were joined line by line; the interpreter joins header rows.
        let headerTexts = header[0].texts
        let before = context.context(before: index)
        let services = context.header.isServices(headerTexts, context: before)
        guard services || context.header.connectionRoles(headerTexts) != nil else { return nil }
        for r in rows.indices { for c in rows[r].cells.indices { rows[r].cells[c].text = CellMarkup.render(rows[r].cells[c].text) } }
        let grid = Grid(layout: "rst", header: header, rows: rows, context: before, position: GridPosition(line: index + 1))
        return Recognised(grid: grid, end: i)
    }

    /// Column ranges between the `+` of a border line (`+----+-----+`).
    static func border(_ line: String) -> [Range<Int>]? {
        let t = Text.trimmed(line)
        guard t.hasPrefix("+"), t.hasSuffix("+"), t.count >= 3, t.allSatisfy({ "+-=".contains($0) }), t.contains("-") || t.contains("=") else { return nil }
        let pluses = line.enumerated().filter { $0.element == "+" }.map(\.offset)
        return zip(pluses, pluses.dropFirst()).map { ($0 + 1)..<$1 }
    }

    static func cut(_ line: String, line number: Int, columns: [Range<Int>]) -> GridRow {
        let chars = Array(line)
        let cells = columns.map { column -> GridCell in
            let from = min(column.lowerBound, chars.count), to = min(column.upperBound, chars.count)
            return GridCell(Text.collapseSpaces(String(chars[from..<max(from, to)]).filter { $0 != "|" }), position: GridPosition(line: number, column: from + 1))
        }
        return GridRow(cells: cells, position: GridPosition(line: number))
    }
}
