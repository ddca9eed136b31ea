import PortolanModel

/// Markdown pipe tables (with or without the outer pipes, any delimiter row) and tab-separated
/// rows, across page breaks that repeat the header and continue a cell on the next line.
struct DelimitedLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let line = context.lines[index]
        guard let splitter = DocumentReader.cellSplitter(for: line), let cells = splitter.cells(line) else { return nil }
        if let roles = context.header.connectionRoles(cells) {
            return Self.connections(headerIndex: index, headerCells: cells, roles: roles, splitter: splitter, in: context)
        }
        let before = context.context(before: index)
        if context.header.isServices(cells, context: before) {
            return Self.services(headerIndex: index, headerCells: cells, splitter: splitter, in: context, before: before)
        }
        return nil
    }

    static func layoutName(_ splitter: CellSplitter) -> String { splitter == .tab ? "tab" : "markdown" }

    /// The rows of a connections table whose header is `headerCells` (or, for a header written
    /// without separators, the roles alone), as a stream of grid rows: each row becomes a grid
    /// row as soon as the next one starts, and is read into a connection then.
    static func connections(headerIndex: Int, headerCells: [String], roles: [Column?], splitter: CellSplitter, in context: LineContext) -> Recognised {
        let numberIndex = roles.firstIndex(of: .number)
        var table = CellTable(lines: context.lines, splitter: splitter)
        table.joinsStrayLines = numberIndex != nil
        let header = context.header
        // Never more cells than the header has: the interpreter's columns are the header's.
        func gridRow(_ row: RawRow) -> GridRow {
            let count = row.cellCount < roles.count ? row.cellCount : min(row.columnCount, roles.count)
            var cells: [GridCell] = []
            cells.reserveCapacity(count)
            for i in 0..<count {
                cells.append(GridCell(CellMarkup.render(row.text(i)), position: GridPosition(line: row.line)))
            }
            return GridRow(cells: cells, position: GridPosition(line: row.line))
        }
        let stream = RowStream(most: max(context.lines.count - headerIndex - 1, 0)) { give in
            // `assemble` calls `finished` only while it runs.
            let assembled = withoutActuallyEscaping(give) { give in
                table.assemble(after: headerIndex, columnCount: roles.count, finished: { give(gridRow($0)) }) { cells in
                    let first = numberIndex.map { $0 < cells.count ? Text.trimmed(Text.stripTags(cells[$0])) : "" }
                    if let first, Text.isRowNumber(first) { return .rowStart }
                    if let other = header.connectionRoles(cells) { return other == roles ? .header : .otherTable }
                    if header.isServices(cells, context: []) || TableHeader.isServicesHeader(cells: cells) { return .otherTable }
                    guard let first else { return .rowStart }
                    // A row that names both sides and how they talk is a row, even without its number.
                    if RowShape.isComplete(cells, roles: roles) { return .rowStart }
                    return first.isEmpty ? .continuation : .unplaceable
                }
            }
            for row in assembled.rows { give(gridRow(row)) }
            return (assembled.diagnostics, max(assembled.end, headerIndex + 1))
        }
        let headerRow = GridRow(cells: headerCells.map { GridCell($0, position: GridPosition(line: headerIndex + 1)) },
                                position: GridPosition(line: headerIndex + 1))
        let grid = Grid(layout: layoutName(splitter), header: [headerRow], rows: [],
                        context: context.context(before: headerIndex), position: GridPosition(line: headerIndex + 1))
        return Recognised(grid: grid, end: headerIndex + 1, stream: stream)
    }

    static func services(headerIndex: Int, headerCells: [String], splitter: CellSplitter, in context: LineContext, before: [String]) -> Recognised {
        let table = CellTable(lines: context.lines, splitter: splitter)
        let header = context.header
        let assembled = table.assemble(after: headerIndex, columnCount: 2) { cells in
            if header.isServices(cells, context: before) { return .header }
            if header.connectionRoles(cells) != nil { return .otherTable }
            return Text.isBlank(cells[0]) ? .continuation : .rowStart
        }
        let rows = assembled.rows.map { row in
            let name = Text.collapseSpaces(CellMarkup.render(row.text(0)))
            let cell = DescriptionCell.parse(row.fragments(1))
            let position = GridPosition(line: row.line)
            return GridRow(cells: [GridCell(name, position: position), GridCell(ServiceRows.cellText(cell), position: position)], position: position)
        }
        let headerRow = GridRow(cells: headerCells.map { GridCell($0, position: GridPosition(line: headerIndex + 1)) },
                                position: GridPosition(line: headerIndex + 1))
        let grid = Grid(layout: layoutName(splitter), header: [headerRow], rows: rows, context: before,
                        position: GridPosition(line: headerIndex + 1))
        return Recognised(grid: grid, diagnostics: assembled.diagnostics, end: max(assembled.end, headerIndex + 1))
    }
}

/// What a row's cells say about it, by the roles of their columns.
enum RowShape {
    /// Both sides named (or the party) and a protocol or port: a row of its own.
    static func isComplete(_ cells: [String], roles: [Column?]) -> Bool {
        func filled(_ role: Column) -> Bool {
            roles.indices.contains { roles[$0] == role && $0 < cells.count && !Text.isBlank(cells[$0]) }
        }
        let sides = (filled(.source) && filled(.destination)) || filled(.party)
        return sides && (filled(.protocol) || filled(.port) || filled(.portProtocol))
    }
}

/// A table written with the header's words glued or spaced without separators ("Connection
/// Source Destination …") over rows that keep their tabs or pipes.
struct GluedHeaderLayout: TableRecognizer {
    func recognise(at index: Int, in context: LineContext) -> Recognised? {
        let lines = context.lines
        guard DocumentReader.cellSplitter(for: lines[index]) == nil, let columns = TableHeader.wordColumns(line: lines[index]) else { return nil }
        guard let next = lines[(index + 1)...].first(where: { !Text.isBlank($0) }), let splitter = DocumentReader.cellSplitter(for: next),
              let cells = splitter.cells(next), cells.count >= columns.count - 1 else { return nil }
        return DelimitedLayout.connections(headerIndex: index, headerCells: columns.map(\.headerText), roles: columns,
                                           splitter: splitter, in: context)
    }
}

extension Column {
    /// The header text a column is written with when a layout lost the document's own.
    var headerText: String {
        switch self {
        case .number: "Connection"
        case .source: "Source"
        case .destination: "Destination"
        case .protocol: "Protocol"
        case .port: "Port"
        case .classification: "Classification"
        case .description: "Data that travels on this connection"
        case .portProtocol: "Port/Protocol"
        case .sourcePort: "Source port"
        case .party: "Source/Destination"
        }
    }
}
