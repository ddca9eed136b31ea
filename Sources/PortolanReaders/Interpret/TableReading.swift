import PortolanModel

extension ColumnInterpreter {
    /// A connections table's rows read one at a time, once its columns are decided
    /// (`ColumnInterpreter.prepare`): from a whole grid, or as a layout takes the rows apart.
    struct TableReading {
        var builder: RowInterpreter
        let columns: TableColumns
        let headerTexts: [String]
        /// Where the table starts, for the error when it has no rows.
        let position: GridPosition
        var diagnostics: [Diagnostic]
        var connections: [Connection] = []
        /// The listener rule as the first rows decided it, when the rows were not all given
        /// (`StreamedTable` follows it with the rows to come).
        var listener: ListenerColumn?
        /// The header's first word, lowercased once: a row repeating the header is not a row.
        private let firstHeader: String?

        init(builder: RowInterpreter, columns: TableColumns, headerTexts: [String], position: GridPosition, diagnostics: [Diagnostic]) {
            self.builder = builder
            self.columns = columns
            self.headerTexts = headerTexts
            self.position = position
            self.diagnostics = diagnostics
            firstHeader = headerTexts.first?.lowercased()
        }

        mutating func reserve(_ rows: Int) { connections.reserveCapacity(rows) }

        /// `numbering`: the last position number given in the document.
        mutating func read(_ row: GridRow, numbering: inout Int) {
            guard row.cells.contains(where: { !Text.isBlank($0.text) }) else { return }
            // A header repeated inside the table (long tables, page breaks) is not a row.
            if row.cells.count == headerTexts.count, row.cells.first.map({ Text.collapseSpaces($0.text).lowercased() }) == firstHeader,
               row.texts.map(HeaderVocabulary.key) == headerTexts.map(HeaderVocabulary.key) { return }
            if columns.number == nil { numbering += 1 }
            let (connection, found) = builder.connection(row, position: numbering)
            // The number is read before the connection is moved into the array, so it is not copied.
            let number = columns.number != nil ? Int(connection.number) : nil
            connections.append(connection)
            diagnostics += found
            if let number { numbering = max(numbering, number) }
        }

        consuming func finished() -> Interpreted {
            if connections.isEmpty {
                diagnostics.append(Diagnostic(.error, "the connections table has a header but no rows", line: position.line, page: position.page))
            }
            var result = Interpreted()
            result.connections = connections
            result.diagnostics = diagnostics
            return result
        }
    }
}
