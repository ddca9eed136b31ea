import Foundation
import PortolanModel
import PortolanReaders
import Testing

/// Tables copied out of a browser or a search result, in the forms people paste them.
@Suite struct CopiedTableTests {
    func read(_ text: String) -> Document {
        DocumentReader.read(path: "copied.txt", text: SourceText(text: text))
    }

    @Test(arguments: ["000", "002", "003", "004"])
    func pipesWithoutLeadingPipeReadTheSameRows(key: String) throws {
        try expectSeedRows(key: key, file: "\(key).copied.txt")
    }

    @Test(arguments: ["000", "002", "003", "004"])
    func gluedHeaderOverTabRowsReadsTheSameRows(key: String) throws {
        try expectSeedRows(key: key, file: "\(key).glued.txt")
    }

    private func expectSeedRows(key: String, file: String) throws {
        let document = try Fixture.read("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/layouts/\(file)")
        #expect(document.subject == (try Fixture.seed(key)).subject)
        let expected = Fixture.expectedRows(key)
        #expect(document.connections.count == expected.count)
        for (want, got) in zip(expected, document.connections.map(Fixture.Row.init)) {
            #expect(got == want, "row \(want.number): got \(got.summary) / \(got.description)")
        }
    }

    /// A source cell spanning rows 2 and 3 vanished from both when copied: the other cells
    /// shift left. They are realigned by content, the missing source is reported, and (issue 14:
    /// blanks left by lost rowspans inherit the value above, with a note) taken from the row above.
    @Test func droppedSpannedCellIsReportedNotShifted() {
        let document = read("""
            Connection | Source | Destination | Protocol | Port | Classification | Data that travels on this connection |
            1 | CX Contact | Redis | TCP | 6379 | Egress | Cache. |
            2 | PostgreSQL | TCP | 5432 | Egress | Lists. |
            3 | Network file share | TCP | 2049 | Egress | Files. |
            """)
        let rows = document.connections
        #expect(rows.map(\.destination) == ["Redis", "PostgreSQL", "Network file share"])
        #expect(rows.map(\.source) == ["CX Contact", "CX Contact", "CX Contact"])
        #expect(document.diagnostics.filter { $0.code == "inherited-cell" }.map(\.line) == [3, 4])
        #expect(rows[1].protocol == "TCP")
        #expect(rows[1].ports.ranges == [PortRange(5432)])
        #expect(rows[1].classification == "Egress")
        #expect(rows[1].description == "Lists.")
        let missing = document.diagnostics.filter { $0.message.contains("the Source cell is missing") }
        #expect(missing.map(\.line) == [3, 4])
    }

    @Test func bulletsAndPlainLinesContinueTheCell() {
        let document = read("""
            Connection | Source | Destination | Protocol | Port | Classification | Data that travels on this connection |
            12 | CX Contact | Nexus | HTTP/HTTPS | 443 | Egress | An HTTPS connection for:
              • SMS items
              • Email items
            13 | Outbound | PostgreSQL | TCP | 5432 | Egress | A connection for Outbound DB access
            to update contact list data.
            14 | Outbound | Redis | TCP | 6379 | Egress | Cache. |
            """)
        #expect(document.connections.map(\.number) == ["12", "13", "14"])
        #expect(document.connections[0].description == "An HTTPS connection for: SMS items Email items")
        #expect(document.connections[1].description == "A connection for Outbound DB access to update contact list data.")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func aTabRowContinuedOnTheNextLineJoinsEachColumnsFragments() {
        // The second line's number cell is empty: its Source and Data cells continue row 1's,
        // the columns it leaves empty keep row 1's single fragment.
        let document = read("""
            Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection
            1\tTenant\tRedis\tTCP\t6379\tEgress\tCache reads
            \tService\t\t\t\t\tand writes.
            2\tAgent\tKafka\tTCP\t9092\tEgress\tEvents.
            """)
        #expect(document.layout == "tab")
        #expect(document.connections.map(\.number) == ["1", "2"])
        #expect(document.connections.map(\.source) == ["Tenant Service", "Agent"])
        #expect(document.connections.map(\.destination) == ["Redis", "Kafka"])
        #expect(document.connections.map(\.description) == ["Cache reads and writes.", "Events."])
        #expect(document.connections[0].ports.ranges == [PortRange(6379)])
        #expect(document.connections[0].line == 2 && document.connections[1].line == 4)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func classificationsBeyondTheThreeAreKeptAsWritten() {
        let document = read("1 | A | B | HTTPS | 443 | Ingress/Egress | both ways |\n".replacingOccurrences(of: "1 |", with: "Connection | Source | Destination | Protocol | Port | Classification | Data |\n1 |"))
        #expect(document.connections.first?.classification == "Ingress/Egress")
        #expect(document.connections.first?.classificationKind == nil)
    }
}
