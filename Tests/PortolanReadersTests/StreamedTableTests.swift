import PortolanModel
import PortolanReaders
import Testing

/// Tab and pipe tables of more than 200 rows are read as the layout takes them apart, row by
/// row, never standing whole as a grid. What they give must be what the whole grid of the same
/// rows gives through the one column interpreter.
@Suite struct StreamedTableTests {
    static let header = ["Connection", "Source", "Destination", "Protocol", "Port", "Classification", "Data that travels on this connection"]

    /// Row n: every 11th has no destination (a lost rowspan: the row above's is taken), every
    /// 13th no protocol (a warning).
    static func cells(_ n: Int) -> [String] {
        [String(n), "Service \(n % 7)", n % 11 == 0 ? "" : "Store \(n % 4)", n % 13 == 0 ? "" : "TCP",
         String(1000 + n), ["Egress", "Ingress", "Intra-cluster"][n % 3], "Data of row \(n)"]
    }

    /// The document: a title, a blank line, the header on line 3, rows from line 4.
    static func text(rows: Int, separator: String) -> String {
        func line(_ cells: [String]) -> String {
            separator == "|" ? "| " + cells.joined(separator: " | ") + " |" : cells.joined(separator: separator)
        }
        var lines = ["Benchmark tables", "", line(header)]
        if separator == "|" { lines.append("|" + String(repeating: "---|", count: header.count)) }
        lines += (1...rows).map { line(cells($0)) }
        return lines.joined(separator: "\n")
    }

    /// The same rows as one whole grid, read through `DocumentReader.read(grids:)`.
    static func wholeGrid(rows: Int, layout: String, firstRowLine: Int) -> Grid {
        let position = GridPosition(line: 3)
        let headerRow = GridRow(cells: header.map { GridCell($0, position: position) }, position: position)
        let gridRows = (1...rows).map { n in
            let p = GridPosition(line: firstRowLine + n - 1)
            return GridRow(cells: cells(n).map { GridCell($0, position: p) }, position: p)
        }
        return Grid(layout: layout, header: [headerRow], rows: gridRows, context: ["Benchmark tables"], position: position)
    }

    @Test(arguments: [("\t", "tab", 4), ("|", "markdown", 5), (",", "csv", 4)])
    func aLongTableReadRowByRowGivesWhatItsWholeGridGives(separator: String, layout: String, firstRowLine: Int) {
        let rows = 450
        let streamed = DocumentReader.read(path: "long.txt", text: SourceText(text: Self.text(rows: rows, separator: separator)))
        let whole = DocumentReader.read(path: "long.txt", grids: [Self.wholeGrid(rows: rows, layout: layout, firstRowLine: firstRowLine)],
                                        title: streamed.title, subject: streamed.subject)
        #expect(streamed.layout == layout)
        #expect(streamed.connections.count == rows)
        #expect(streamed.connections == whole.connections)
        #expect(streamed.diagnostics == whole.diagnostics)
        // Values worked out from the rows: row 11 took row 10's destination, row 13 has no protocol,
        // and the rows after the first 200 are read as the first.
        #expect(streamed.connections[10].destination == "Store 2")
        #expect(streamed.connections[12].protocol == nil)
        #expect(streamed.connections[449].number == "450")
        #expect(streamed.connections[449].source == "Service 2")
        #expect(streamed.connections[449].line == firstRowLine + 449)
        #expect(streamed.connections[449].ports.ranges == [PortRange(1450)])
        let inherited = streamed.diagnostics.filter { $0.code == "inherited-cell" }
        #expect(inherited.count == 450 / 11)
        let noProtocol = streamed.diagnostics.filter { $0.code == "empty-protocol" }
        #expect(noProtocol.map(\.line) == stride(from: 13, through: 450, by: 13).map { firstRowLine + $0 - 1 })
    }

    /// A CSV record after the first 201 with a field more than the header: the whole grid's
    /// columns widen for every row, so the table is read again as one grid.
    @Test func aLateWiderRecordReadsTheTableAsOneGrid() {
        var lines = Self.text(rows: 300, separator: ",").components(separatedBy: "\n")
        // Row 250 is on line 253.
        lines[252] += ",late"
        let streamed = DocumentReader.read(path: "long.csv", text: SourceText(text: lines.joined(separator: "\n")))
        var grid = Self.wholeGrid(rows: 300, layout: "csv", firstRowLine: 4)
        grid.rows[249].cells.append(GridCell("late", position: grid.rows[249].position))
        let whole = DocumentReader.read(path: "long.csv", grids: [grid], title: streamed.title, subject: streamed.subject)
        #expect(streamed.connections.count == 300)
        #expect(streamed.connections == whole.connections)
        #expect(streamed.diagnostics == whole.diagnostics)
        #expect(streamed.connections[249].attributes.contains(Attribute(name: "Column 8", value: "late")))
    }
    /// "Workload | Port | Protocol | Used by" with only the clients' column: the first column
    /// names the listener when every row's first cell is a name. Row n's listener is
    /// "Cart n % 5", its client "Web n % 3"; `odd` puts a port number in one row's first cell.
    /// Rows up to `blankUntil` have a blank first cell.
    static func listenerTable(rows: Int, odd: Int?, blankUntil: Int = 0) -> (text: String, grid: Grid) {
        let header = ["Workload", "Port", "Protocol", "Used by"]
        func cells(_ n: Int) -> [String] {
            [n == odd ? "9999" : n <= blankUntil ? "" : "Cart \(n % 5)", String(2000 + n), "TCP", "Web \(n % 3)"]
        }
        let text = (["Shop ports", "", header.joined(separator: "\t")] + (1...rows).map { cells($0).joined(separator: "\t") })
            .joined(separator: "\n")
        let position = GridPosition(line: 3)
        let gridRows = (1...rows).map { n in
            let p = GridPosition(line: 3 + n)
            return GridRow(cells: cells(n).map { GridCell($0, position: p) }, position: p)
        }
        let grid = Grid(layout: "tab", header: [GridRow(cells: header.map { GridCell($0, position: position) }, position: position)],
                        rows: gridRows, context: ["Shop ports"], position: position)
        return (text, grid)
    }

    /// The listener rule looks at every row's first cell; a long table is still read row by
    /// row, and a row after the first 201 that is not a name (here row 250, a port number)
    /// decides for the whole table, as in the whole grid: the first column is then no listener.
    @Test(arguments: [nil, 250, 30])
    func aListenerColumnIsDecidedByEveryRowOfALongTable(odd: Int?) {
        let (text, grid) = Self.listenerTable(rows: 300, odd: odd)
        let streamed = DocumentReader.read(path: "shop.txt", text: SourceText(text: text))
        let whole = DocumentReader.read(path: "shop.txt", grids: [grid], title: streamed.title, subject: streamed.subject)
        #expect(streamed.connections.count == 300)
        #expect(streamed.connections == whole.connections)
        #expect(streamed.diagnostics == whole.diagnostics)
        #expect(streamed.connections[260].source == "Web 0")
        if odd == nil {
            #expect(streamed.connections.map(\.destination) == (1...300).map { "Cart \($0 % 5)" })
        } else {
            // No listener column: the table's own product ("Shop", from the title) is the other side.
            #expect(Set(streamed.connections.map(\.destination)) == ["Shop"])
            #expect(streamed.connections[260].attributes.contains(Attribute(name: "Workload", value: "Cart 1")))
        }
    }

    /// The first 201 rows' first cells are blank, so they decide no listener column; later rows
    /// name listeners, and the whole grid decides there is one: the table is read again as one.
    /// With a port number after the names (`odd`), the whole grid decides there is none again.
    @Test(arguments: [nil, 280])
    func laterRowsThatNameListenersDecideForTheWholeTable(odd: Int?) {
        let (text, grid) = Self.listenerTable(rows: 300, odd: odd, blankUntil: 220)
        let streamed = DocumentReader.read(path: "shop.txt", text: SourceText(text: text))
        let whole = DocumentReader.read(path: "shop.txt", grids: [grid], title: streamed.title, subject: streamed.subject)
        #expect(streamed.connections.count == 300)
        #expect(streamed.connections == whole.connections)
        #expect(streamed.diagnostics == whole.diagnostics)
        #expect(streamed.connections[260].destination == (odd == nil ? "Cart 1" : "Shop"))
    }
}
