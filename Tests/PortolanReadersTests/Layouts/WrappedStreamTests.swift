import PortolanModel
@testable import PortolanReaders
import Testing

/// Wrapped PDF text and one line per row are read by finding where each row starts, learning
/// the names the document states, then taking each row apart again and giving it on its own
/// (`WrappedTable.rows`, `RowStream`): the table never stands whole as a grid. Its rows must
/// read as the same rows of a table short enough to be read as one grid, and as the grid the
/// layout's rows make when they are all kept (`WrappedTable.read`).
@Suite struct WrappedStreamTests {
    /// Header on line 3; row n: "n Service" / "n % 7" (the source over two lines), a blank line,
    /// "Store n % 4", a blank line, the anchor, a blank line, the description over two lines, a
    /// blank line: ten lines. A page break repeats the header after every 6th row.
    static func wrapped(rows: Int) -> String {
        var lines = ["Benchmark tables", "", "Connection Source Destination Protocol Port Classification Description"]
        for n in 1...rows {
            lines += ["\(n) Service", "\(n % 7)", "", "Store \(n % 4)", "", "\(n % 2 == 0 ? "TCP" : "UDP") \(1000 + n) \(["Egress", "Ingress", "Intra-cluster"][n % 3])",
                      "", "Data", "of row \(n)", ""]
            if n % 6 == 0 { lines.append("Connection Source Destination Protocol Port Classification Description") }
        }
        return lines.joined(separator: "\n")
    }

    /// The line row n starts on: line 4, ten lines a row, and a repeated header after every 6th row.
    static func wrappedLine(of n: Int) -> Int { 4 + 10 * (n - 1) + (n - 1) / 6 }

    /// The same rows, one line each with single spaces between cells, from line 4 on.
    static func oneLine(rows: Int) -> String {
        var lines = ["Benchmark tables", "", "Connection Source Destination Protocol Port Classification Description"]
        for n in 1...rows {
            lines.append("\(n) Service \(n % 7) Store \(n % 4) \(n % 2 == 0 ? "TCP" : "UDP") \(1000 + n) \(["Egress", "Ingress", "Intra-cluster"][n % 3]) Data of row \(n)")
        }
        return lines.joined(separator: "\n")
    }

    /// What the layout's rows give when they are all kept as one grid (as before they were streamed).
    static func asOneGrid(_ text: String, headerLine: Int) -> [Connection] {
        let lines = Lines(Array(text.split(separator: "\n", omittingEmptySubsequences: false)).map(String.init))
        let columns = TableHeader.wordColumns(line: lines[headerLine - 1])!
        let read = WrappedTable.read(lines: lines, headerIndex: headerLine - 1, headerColumns: columns, subject: nil)
        let position = GridPosition(line: headerLine)
        let header = GridRow(cells: WrappedTable.cellColumns.map { GridCell($0.headerText, position: position) }, position: position)
        let grid = Grid(layout: "wrapped", header: [header], rows: read.rows, context: [], position: position)
        return DocumentReader.read(path: "grid.txt", grids: [grid], title: nil, subject: nil).connections
    }

    @Test func aLongWrappedTableReadsItsRowsAsAShortOne() {
        let long = longAndShort({ Self.wrapped(rows: $0) }, ext: "txt", layout: "wrapped").long
        #expect(long.connections == Self.asOneGrid(Self.wrapped(rows: 450), headerLine: 3))
        // Worked out from the lines: 450 % 7 = 2, 450 % 4 = 2, even, 450 % 3 = 0.
        let last = long.connections[449]
        #expect(last.number == "450")
        #expect(last.source == "Service 2")
        #expect(last.destination == "Store 2")
        #expect(last.protocol == "TCP")
        #expect(last.ports.ranges == [PortRange(1450)])
        #expect(last.classification == "Egress")
        #expect(last.description == "Data of row 450")
        // Row 7 comes after the first repeated header (line 64), which is no row.
        #expect(long.connections[6].source == "Service 0")
        #expect(long.connections[6].description == "Data of row 7")
        #expect(long.connections.map(\.line) == (1...450).map(Self.wrappedLine(of:)))
        #expect(long.diagnostics.filter { $0.severity != .note }.isEmpty)
    }

    @Test func aLongOneLinePerRowTableReadsItsRowsAsAShortOne() {
        let long = DocumentReader.read(path: "long.txt", text: SourceText(text: Self.oneLine(rows: 450)))
        let short = DocumentReader.read(path: "short.txt", text: SourceText(text: Self.oneLine(rows: 150)))
        #expect(long.layout == "wrapped")
        #expect(long.connections.count == 450)
        #expect(Array(long.connections.prefix(150)) == short.connections)
        #expect(long.connections == Self.asOneGrid(Self.oneLine(rows: 450), headerLine: 3))
        let last = long.connections[449]
        #expect(last.number == "450")
        #expect(last.protocol == "TCP")
        #expect(last.ports.ranges == [PortRange(1450)])
        #expect(last.classification == "Egress")
        #expect(last.description == "Data of row 450")
        #expect(last.source + " " + last.destination == "Service 2 Store 2")
        #expect(long.connections.map(\.line) == (4...453).map { $0 })
    }

    /// The body after repeated headers were taken out, as runs of source lines.
    @Test func theBodyMapsItsLinesToTheSourceLinesPastRepeatedHeaders() {
        let lines = Lines(["1 A", "B TCP 80 Egress", "No. Source Destination", "Protocol 2 C", "D", "3 E"])
        let body = WrappedTable.removingRepeatedHeaders(lines: lines, range: 0..<6, headerKeys: ["no", "source", "destination", "protocol"])
        // Line 2 and the first word of line 3 are a repeated header: line 3 keeps "2 C".
        #expect(body.count == 5)
        #expect((0..<5).map { body.entry($0).line } == [0, 1, 3, 4, 5])
        #expect((0..<5).map { body.entry($0).skip } == [0, 0, 1, 0, 0])
        #expect(body.firstWord(2) == "2")
        #expect(body.line(2, droppingFirstWord: true).words == ["C"])
        #expect(body.line(2).line == 4)
        #expect(body.rowLines(2..<4).map(\.words) == [["C"], ["D"]])
    }

    /// Many runs (a header repeated every few lines) past several 64-line blocks.
    @Test func theBodyFindsALineAcrossManyRuns() {
        var strings: [String] = []
        var expected: [Int] = []
        for i in 0..<400 {
            if i % 5 == 4 { strings.append("No. Source Destination") } else {
                expected.append(strings.count)
                strings.append("\(i) x")
            }
        }
        let lines = Lines(strings)
        let body = WrappedTable.removingRepeatedHeaders(lines: lines, range: 0..<strings.count, headerKeys: ["no", "source", "destination"])
        #expect(body.count == expected.count)
        #expect((0..<body.count).map { body.entry($0).line } == expected)
        #expect((0..<body.count).allSatisfy { body.entry($0).skip == 0 })
    }
}
