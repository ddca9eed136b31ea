import PortolanModel
import PortolanReaders
import Testing

/// Aligned text (`pdftotext -layout`) of more than 200 rows is read row by row as the layout
/// assembles each row (a wrapped cell joins its row before the row is given), never standing
/// whole as a grid. Its rows must read as the same rows of a table short enough to be read as
/// one whole grid.
@Suite struct AlignedStreamTests {
    static func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }

    /// Header on line 3, row n from line 4 on; every 5th row's description goes on over a
    /// second line in its own column.
    static func text(rows: Int) -> String {
        var lines = ["Benchmark tables", "",
                     pad("No.", 6) + pad("Source", 22) + pad("Destination", 16) + pad("Protocol", 10) + pad("Port", 8) + pad("Classification", 16) + "Description"]
        for n in 1...rows {
            lines.append(pad(String(n), 6) + pad("Service \(n % 7)", 22) + pad("Store \(n % 4)", 16) + pad(n % 2 == 0 ? "TCP" : "UDP", 10)
                         + pad(String(1000 + n), 8) + pad(["Egress", "Ingress", "Intra-cluster"][n % 3], 16) + "Data of row \(n)")
            if n % 5 == 0 { lines.append(String(repeating: " ", count: 78) + "and more of \(n)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The line row n starts on: line 4, plus one line a row, plus the continuation lines before it.
    static func line(of n: Int) -> Int { 4 + (n - 1) + (n - 1) / 5 }

    @Test func aLongAlignedTableReadsItsRowsAsAShortOne() {
        let long = longAndShort({ Self.text(rows: $0) }, ext: "txt", layout: "aligned").long
        // Worked out from the lines: row 5 took its continuation line; row 450 is the last.
        #expect(long.connections[4].description == "Data of row 5 and more of 5")
        #expect(long.connections[5].description == "Data of row 6")
        #expect(long.connections[449].number == "450")
        #expect(long.connections[449].source == "Service 2")
        #expect(long.connections[449].destination == "Store 2")
        #expect(long.connections[449].protocol == "TCP")
        #expect(long.connections[449].ports.ranges == [PortRange(1450)])
        #expect(long.connections[449].classification == "Egress")
        #expect(long.connections[449].description == "Data of row 450 and more of 450")
        #expect(long.connections.map(\.line) == (1...450).map(Self.line(of:)))
        #expect(long.diagnostics.filter { $0.severity != .note }.isEmpty)
    }
}
