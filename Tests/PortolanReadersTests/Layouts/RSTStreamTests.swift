import Foundation
import PortolanModel
import PortolanReaders
import Testing

/// reStructuredText simple tables of more than 200 rows are read row by row (a row whose first
/// column is blank joins the row above before the row is given): their rows must read as the
/// same rows of a table short enough to be read as one whole grid.
@Suite struct RSTStreamTests {
    static func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: width + 2, withPad: " ", startingAt: 0) }
    static let widths = [5, 12, 8, 8, 6, 13, 20]

    static func line(_ cells: [String]) -> String {
        zip(cells, widths).map { pad($0, $1) }.joined().replacingOccurrences(of: " +$", with: "", options: .regularExpression)
    }

    /// Header on line 3 between borders; row n from line 5 on; every 5th row's description goes
    /// on over a second line whose first column is blank.
    static func text(rows: Int) -> String {
        let border = widths.map { String(repeating: "=", count: $0) }.joined(separator: "  ")
        var lines = ["Benchmark tables", border,
                     line(["No.", "Source", "Dest", "Protocol", "Port", "Direction", "Description"]), border]
        for n in 1...rows {
            lines.append(line([String(n), "Service \(n % 7)", "Store \(n % 4)", n % 2 == 0 ? "TCP" : "UDP", String(1000 + n),
                               ["Egress", "Ingress", "Intra-cluster"][n % 3], "Data of row \(n)"]))
            if n % 5 == 0 { lines.append(line(["", "", "", "", "", "", "and more of \(n)"])) }
        }
        lines.append(border)
        return lines.joined(separator: "\n")
    }

    @Test func aLongSimpleTableReadsItsRowsAsAShortOne() {
        let long = longAndShort({ Self.text(rows: $0) }, ext: "rst", layout: "rst").long
        #expect(long.connections[4].description == "Data of row 5 and more of 5")
        #expect(long.connections[449].number == "450")
        #expect(long.connections[449].source == "Service 2")
        #expect(long.connections[449].destination == "Store 2")
        #expect(long.connections[449].ports.ranges == [PortRange(1450)])
        #expect(long.connections[449].description == "Data of row 450 and more of 450")
        // Row n starts on line 5 + (n - 1) + (n - 1) / 5.
        #expect(long.connections.map(\.line) == (1...450).map { 5 + ($0 - 1) + ($0 - 1) / 5 })
        #expect(long.diagnostics.filter { $0.severity != .note }.isEmpty)
    }
}
