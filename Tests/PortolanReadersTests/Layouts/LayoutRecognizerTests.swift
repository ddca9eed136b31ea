import PortolanModel
import PortolanReaders
import Testing

/// One small table per layout, written for the test: each recogniser finds it, and the one
/// column interpreter reads the same two rows out of every layout.
@Suite struct LayoutRecognizerTests {
    func read(_ text: String, path: String = "test.txt") -> Document {
        DocumentReader.read(path: path, text: SourceText(text: text))
    }

    /// source, destination, protocol, ports, description of the two rows every layout below holds.
    static let rows = [
        ["Web tier", "Orders API", "TCP", "8443", "Order submission"],
        ["Orders API", "Orders DB", "TCP", "5432-5433", "Order storage"],
    ]

    func expectTwoRows(_ document: Document, layout: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(document.layout == layout, sourceLocation: sourceLocation)
        let got = document.connections.map { c in
            [c.source, c.destination, c.protocol ?? "", c.ports.ranges.map(\.description).joined(separator: ","), c.description]
        }
        #expect(got == Self.rows, sourceLocation: sourceLocation)
        #expect(document.connections.map(\.number) == ["1", "2"], sourceLocation: sourceLocation)
        #expect(!document.diagnostics.contains { $0.severity == .error }, "\(document.diagnostics)", sourceLocation: sourceLocation)
    }

    @Test func markdownWithoutOuterPipesAndAlignedSeparator() {
        expectTwoRows(read("""
            Source | Destination | Protocol | Port | Description
            :--- | :---: | --- | ---: | ---
            Web tier | Orders API | TCP | 8443 | Order submission
            Orders API | Orders DB | TCP | 5432-5433 | Order storage

            The database is not reachable from outside.
            """), layout: "markdown")
    }

    @Test func tabSeparated() {
        expectTwoRows(read("Source\tDestination\tProtocol\tPort\tDescription\nWeb tier\tOrders API\tTCP\t8443\tOrder submission\nOrders API\tOrders DB\tTCP\t5432-5433\tOrder storage\n"), layout: "tab")
    }

    @Test func csvWithQuotesAndAMultiLineCell() {
        let document = read("""
            Source,Destination,Protocol,Port,Description
            Web tier,"Orders API",TCP,8443,"Order submission"
            Orders API,Orders DB,TCP,5432-5433,"Order
            storage"
            """)
        expectTwoRows(document, layout: "csv")
    }

    @Test func semicolonWithASeparatorInsideQuotes() {
        let document = read(#"""
            Source;Destination;Protocol;Port;Description
            Web tier;Orders API;TCP;8443;"Order ""submission"""
            Orders API;Orders DB;TCP;5432-5433;"Order; storage"
            """#)
        #expect(document.layout == "semicolon")
        #expect(document.connections.map(\.description) == ["Order \"submission\"", "Order; storage"])
    }

    @Test func htmlWithRowspanAndBreaks() {
        let document = read("""
            <html><body><h2>Flows</h2><table>
            <tr><th>Source</th><th>Destination</th><th>Protocol</th><th>Port</th><th>Description</th></tr>
            <tr><td>Web tier</td><td>Orders API</td><td rowspan="2">TCP</td><td>8443</td><td>Order<br>submission</td></tr>
            <tr><td>Orders API</td><td>Orders DB</td><td>5432-5433</td><td>Order storage</td></tr>
            </table></body></html>
            """, path: "flows.html")
        expectTwoRows(document, layout: "html")
    }

    @Test func restructuredTextSimpleTable() {
        expectTwoRows(read("""
            ==========  ==========  ========  =========  ================
            Source      Destination Protocol  Port       Description
            ==========  ==========  ========  =========  ================
            Web tier    Orders API  TCP       8443       Order submission
            Orders API  Orders DB   TCP       5432-5433  Order
                                                         storage
            ==========  ==========  ========  =========  ================
            """), layout: "rst")
    }

    @Test func restructuredTextGridTable() {
        expectTwoRows(read("""
            +------------+-------------+----------+-----------+------------------+
            | Source     | Destination | Protocol | Port      | Description      |
            +============+=============+==========+===========+==================+
            | Web tier   | Orders API  | TCP      | 8443      | Order submission |
            +------------+-------------+----------+-----------+------------------+
            | Orders API | Orders DB   | TCP      | 5432-5433 | Order            |
            |            |             |          |           | storage          |
            +------------+-------------+----------+-----------+------------------+
            """), layout: "rst")
    }

    @Test func spaceAlignedColumnsWithAWrappedCell() {
        expectTwoRows(read("""
            Source        Destination    Protocol   Port         Description
            Web tier      Orders API     TCP        8443         Order submission
            Orders API    Orders DB      TCP        5432-5433    Order
                                                                 storage

            Footnote: nothing else.
            """), layout: "aligned")
    }

    @Test func oneCellPerLine() {
        expectTwoRows(read("""
            Source
            Destination
            Protocol
            Port
            Description

            Web tier
            Orders API
            TCP
            8443
            Order submission

            Orders API
            Orders DB
            TCP
            5432-5433
            Order storage
            """), layout: "cell-per-line")
    }

    @Test func singleSpacePlainCopySplitByCellTypes() {
        let document = read("""
            Inbound to Orders API
            Type Protocol Ports Source
            Custom TCP Rule TCP 8443 Web tier
            Custom UDP Rule UDP 53 Name servers
            """)
        #expect(document.layout == "plain")
        #expect(document.connections.map(\.source) == ["Web tier", "Name servers"])
        #expect(document.connections.map(\.destination) == ["Orders API", "Orders API"])
        #expect(document.connections.map { $0.protocol ?? "" } == ["TCP", "UDP"])
        #expect(document.connections.map(\.classificationKind) == [.ingress, .ingress])
        #expect(document.connections[0].attributes.contains(Attribute(name: "Type", value: "Custom TCP Rule")))
    }

    @Test func genesysWrappedLayoutIsOneRecogniserAmongOthers() {
        let document = read("""
            Connection Source Destination Protocol Port Classification Data that travels on this connection
            1 Alpha Service Redis TCP 6379 Egress Keeps sessions.
            """)
        #expect(document.layout == "wrapped")
        #expect(document.connections.map(\.destination) == ["Redis"])
    }

    @Test func consecutiveTablesEachWithItsOwnHeaderAndNumberingContinues() {
        let document = read("""
            ## Inbound

            | Source | Port | Protocol |
            |---|---|---|
            | Clients | 443 | TCP |

            ## Outbound

            | Destination | Port | Protocol |
            |---|---|---|
            | Mail relay | 25 | TCP |
            """)
        #expect(document.connections.map(\.number) == ["1", "2"])
        #expect(document.connections.map(\.source).first == "Clients")
        #expect(document.connections.map(\.destination).last == "Mail relay")
        #expect(document.connections.map(\.classificationKind) == [.ingress, .egress])
    }

    @Test func textAfterAnUnnumberedTableIsNotSwallowed() {
        let document = read("""
            Source | Destination | Protocol | Port
            ---|---|---|---
            Web | API | TCP | 443
            This paragraph follows the table.
            | Another | pipe | line | here |
            """)
        #expect(document.connections.count == 1)
        #expect(document.connections[0].port443)
    }
}

private extension Connection {
    var port443: Bool { ports.ranges == [PortRange(443)] }
}
