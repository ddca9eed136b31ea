import PortolanModel

/// Reads a connections table whose rows split into cells (tab-separated or Markdown pipes).
enum ConnectionsTable {
    struct Read {
        var connections: [Connection] = []
        var diagnostics: [Diagnostic] = []
        var end: Int
    }

    static func read(lines: [String], headerIndex: Int, columns: [Column?], splitter: CellSplitter) -> Read {
        let table = CellTable(lines: lines, splitter: splitter)
        let numberIndex = columns.firstIndex(of: .number)
        let assembled = table.assemble(after: headerIndex, columnCount: columns.count) { cells in
            let first = numberIndex.map { $0 < cells.count ? Text.trimmed(Text.stripTags(cells[$0])) : "" }
            if let first, Text.isRowNumber(first) { return .rowStart }
            if TableHeader.connectionColumns(cells: cells) != nil { return .header }
            if TableHeader.isServicesHeader(cells: cells) { return .otherTable }
            guard let first else { return .rowStart }
            return first.isEmpty ? .continuation : .unplaceable
        }
        var read = Read(diagnostics: assembled.diagnostics, end: assembled.end)
        for (ordinal, row) in assembled.rows.enumerated() {
            func cell(_ column: Column) -> String {
                Text.stripTags(row.text(columns.firstIndex(of: column)))
            }
            let number = numberIndex == nil ? String(ordinal + 1) : Text.trimmed(cell(.number))
            var cells = RowBuilder.Cells(
                number: number, source: cell(.source), destination: cell(.destination),
                protocol: cell(.protocol), port: cell(.port), classification: cell(.classification),
                description: cell(.description), line: row.line)
            // Fewer cells than columns: realign by content when the columns are in the usual order.
            if row.cellCount < columns.count {
                if numberIndex == 0, let realigned = Realign.cells((0..<row.cellCount).map { Text.stripTags(row.text($0)) },
                                                                   line: row.line, columnCount: columns.count) {
                    cells = realigned.cells
                    read.diagnostics += realigned.diagnostics
                } else {
                    read.diagnostics.append(Diagnostic(.warning, "connection \(number): the row has \(row.cellCount) cells for \(columns.count) columns", line: row.line))
                }
            }
            let (connection, diagnostics) = RowBuilder.connection(cells)
            read.connections.append(connection)
            read.diagnostics += diagnostics
        }
        return read
    }
}
