import PortolanModel
import PortolanReaders
import Testing

/// Layout details the seeds show once or not at all, in small documents written for the test.
@Suite struct LayoutEdgeCaseTests {
    func read(_ text: String) -> Document {
        DocumentReader.read(path: "test.txt", text: SourceText(text: text))
    }

    @Test func wrappedDescriptionLineStartingWithANumberStaysInTheDescription() {
        let document = read("""
            Connection Source Destination Protocol Port Classification Data that travels on this connection
            1 Alpha Service Redis TCP 6379 Egress Keeps
            40 sessions per pod.
            2 Beta Service PostgreSQL TCP 5432 Egress Stores data.
            """)
        #expect(document.connections.map(\.number) == ["1", "2"])
        #expect(document.connections[0].description == "Keeps 40 sessions per pod.")
        #expect(document.connections[0].source == "Alpha Service")
        #expect(document.connections[0].destination == "Redis")
    }

    @Test func repeatedHeaderWithContentAfterItOnTheSameLine() {
        let document = read("""
            Connection Source Destination Protocol Port Classification
            Data that
            travels on this connection
            1 Alpha
            Service

            Config
            Server TCP 8888 Intra-cluster
            Reads the
            Connection Source Destination Protocol Port Classification
            Data that
            travels on this connection configuration data.
            """)
        #expect(document.connections.count == 1)
        #expect(document.connections[0].description == "Reads the configuration data.")
        #expect(document.connections[0].destination == "Config Server")
    }

    @Test func headerWrappedBeforeTheClassificationColumn() {
        // The header breaks after "Port": the classification still anchors the row.
        let document = read("""
            Connection Source Destination Protocol Port
            Classification Data
            1 Edge Proxy Web Server HTTPS 443 Ingress Pages.
            """)
        #expect(document.connections.first?.classification == "Ingress")
        #expect(document.connections.first?.source == "Edge Proxy")
        #expect(document.connections.first?.destination == "Web Server")
    }

    @Test func rowWithoutAnchorIsKeptAndReported() {
        let document = read("""
            Connection Source Destination Protocol Port Classification Data
            1 Alpha Service Redis TCP 6379 Egress Cache.
            2 Something unreadable here
            3 Gamma Service Kafka Kafka 9092 Egress Events.
            """)
        #expect(document.connections.map(\.number) == ["1", "2", "3"])
        #expect(document.diagnostics.contains { $0.line == 3 && $0.message.contains("no protocol, port or classification") })
    }

    @Test func unplaceableTabLineIsReportedNotDropped() {
        let document = read("""
            Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData
            1\tA\tB\tTCP\t80\tEgress\tx
            oops\tthis\tis not a row
            2\tC\tD\tUDP\t53\tEgress\ty
            """)
        #expect(document.connections.count == 2)
        #expect(document.diagnostics.contains { $0.line == 3 && $0.severity == .warning && $0.message.contains("cannot place this line") })
    }

    @Test func extraCellsGoToTheLastColumnWithAWarning() {
        let document = read("Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData\n1\tA\tB\tTCP\t80\tEgress\tone\ttwo\n")
        #expect(document.connections.first?.description == "one two")
        #expect(document.diagnostics.contains { $0.message.contains("8 cells for 7 columns") })
    }

    @Test func markdownEscapedPipesAndNoLeadingRule() {
        let document = read("""
            | Connection | Source | Destination | Protocol | Port | Classification | Data |
            |---|---|---|---|---|---|---|
            | 1 | A \\| B | C | HTTP | 80 | Egress | uses a \\| pipe |
            """)
        #expect(document.connections.first?.source == "A | B")
        #expect(document.connections.first?.description == "uses a | pipe")
    }

    @Test func gapsAndDuplicatesAreKeptAsWritten() {
        let document = read("""
            Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData
            1\tA\tB\tTCP\t80\tEgress\tx
            1\tA\tC\tTCP\t81\tEgress\ty
            4\tA\tD\tTCP\t82\tEgress\tz
            """)
        #expect(document.connections.map(\.number) == ["1", "1", "4"])
    }

    @Test func htmlTagsAndEntitiesInCells() {
        let document = read("Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData\n1\t<b>A</b> &amp; B\tC\tTCP\t80\tEgress\tline<br>break &lt;x&gt;\n")
        #expect(document.connections.first?.source == "A & B")
        #expect(document.connections.first?.description == "line break <x>")
    }

    @Test func classificationBrokenOverTwoLinesAndProtocolInParentheses() {
        let document = read("""
            Connection Source Destination Protocol Port Classification Data
            1 Alpha
            Service

            Beta
            Service HTTP(S) 443 Intra-
            cluster
            Calls.
            """)
        #expect(document.connections.first?.classification == "Intra-cluster")
        #expect(document.connections.first?.protocol == "HTTP(S)")
        #expect(document.connections.first?.description == "Calls.")
        #expect(document.connections.first?.destination == "Beta Service")
    }

    @Test func connectionsAndServicesTablesInOneDocument() {
        let document = read("""
            Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData
            1\tA\tB\tTCP\t80\tEgress\tx

            Included service\tDescription
            Alpha\tDoes alpha things.
            Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData
            2\tC\tD\tUDP\t53\tEgress\ty
            """)
        #expect(document.connections.map(\.number) == ["1", "2"])
        #expect(document.services.map(\.name) == ["Alpha"])
        #expect(document.diagnostics.isEmpty)
    }

    @Test func portRemarksInParenthesesAndPortsInWords() {
        let document = read("""
            Connection Source Destination Protocol Port Classification Data
            1 Billing Service PostgreSQL TCP 5432 (default) Egress Invoices.
            2 Billing Service Mail Server SMTP Any Egress Reminders.
            3 Billing Service Redis TCP 6379 Egress (cache) warm-up data.
            """)
        let rows = document.connections
        #expect(rows.map(\.destination) == ["PostgreSQL", "Mail Server", "Redis"])
        #expect(rows[0].ports.text == "5432 (default)" && rows[0].ports.ranges == [PortRange(5432)])
        #expect(rows[0].classification == "Egress" && rows[0].description == "Invoices.")
        #expect(rows[1].ports.text == "Any" && rows[1].ports.ranges.isEmpty)
        #expect(rows[2].ports.text == "6379" && rows[2].description == "(cache) warm-up data.")
    }
}
