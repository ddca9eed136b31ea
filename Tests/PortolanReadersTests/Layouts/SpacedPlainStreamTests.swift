import PortolanModel
import PortolanReaders
import Testing

/// A single-space table of more than 200 rows is read row by row as each line is split: its
/// rows must read as the same rows of a table short enough to be read as one whole grid.
@Suite struct SpacedPlainStreamTests {
    /// The header on line 2, row n on line 2 + n.
    static func text(rows: Int) -> String {
        (["Inbound to Benchmark Product", "Type Protocol Ports Source"]
            + (1...rows).map { "Custom Rule \($0 % 7) \(["TCP", "UDP"][$0 % 2]) \(8000 + $0) Voice SIP Cluster \($0 % 13)" })
            .joined(separator: "\n") + "\n\nAfter the table.\n"
    }

    @Test func aLongTableReadsItsRowsAsAShortOne() {
        let (long, short) = longAndShort({ Self.text(rows: $0) }, ext: "txt", layout: "plain")
        #expect(Array(long.diagnostics.prefix { $0.line ?? 0 <= 152 }) == short.diagnostics.filter { $0.line ?? 0 <= 152 })
        // Row 450 on line 452: "Custom Rule 2 TCP 8450 Voice SIP Cluster 8", read by the cells' content.
        let last = long.connections[449]
        #expect(last.line == 452)
        #expect(last.protocol == "TCP")
        #expect(last.ports.ranges == [PortRange(8450)])
        #expect(last.source == "Voice SIP Cluster 8")
        #expect(long.connections.map(\.line) == Array(3...452))
    }
}
