@testable import PortolanReaders
import PortolanModel
import Testing

/// The column interpreter on grids and small documents written for the test.
@Suite struct ColumnInterpreterTests {
    func read(_ text: String, mapping: ColumnMapping = ColumnMapping()) -> Document {
        DocumentReader.read(path: "test.md", text: SourceText(text: text), options: DocumentReader.Options(mapping: mapping))
    }

    @Test(arguments: [
        ("#", Column.number), ("No.", .number), ("ID", .number), ("Connection", .number),
        ("From", .source), ("Initiator", .source), ("Client", .source), ("Source site", .source), ("Used by", .source),
        ("Dest.", .destination), ("To", .destination), ("Target", .destination), ("Server", .destination), ("Listener", .destination),
        ("Proto", .protocol), ("Type", .protocol), ("Transport", .protocol), ("Application protocol", .protocol),
        ("Port(s)", .port), ("Port range", .port), ("Destination port", .port), ("Dest. port", .port),
        ("Port/Protocol", .portProtocol), ("Port Range / Protocol", .portProtocol),
        ("Source port", .sourcePort), ("Source Port (Configurable Range)", .sourcePort),
        ("In/Out", .classification), ("Inbound/Outbound", .classification), ("Ingress/Egress", .classification), ("Direction", .classification),
        ("Purpose", .description), ("Notes", .description), ("Comments", .description), ("Used for", .description),
        ("Data that travels on this connection", .description), ("Source/Destination", .party),
    ])
    func headerWords(header: String, role: Column) {
        #expect(HeaderVocabulary.role(header) == role)
    }

    @Test func aSentenceIsNoHeaderCell() {
        #expect(HeaderVocabulary.role("Port of the Kubernetes API endpoint in the hosted cluster") == nil)
    }

    @Test func headerBrokenOverTwoLinesAndMidWord() {
        let rows = [["Destination", "Proto-", "Notes"], ["port", "col", ""]].enumerated().map { line, texts in
            GridRow(cells: texts.map { GridCell($0, position: GridPosition(line: line + 1)) }, position: GridPosition(line: line + 1))
        }
        #expect(ColumnInterpreter.joinedHeader(rows, matcher: HeaderMatcher()) == ["Destination port", "Protocol", "Notes"])
    }

    @Test func unmappedColumnsAreKeptAndReportedWithASuggestion() {
        let document = read("""
            | Source | Destination | Protcol | Port | Owner |
            |---|---|---|---|---|
            | Web | API | TCP | 443 | Team A |
            """)
        let c = document.connections[0]
        // "Protcol" holds protocols, so its cells decide; the user is told, with the likely spelling.
        #expect(c.protocol == "TCP")
        #expect(c.attributes == [Attribute(name: "Owner", value: "Team A")])
        let notes = document.diagnostics.filter { $0.code == "unmapped-column" }.map(\.message)
        #expect(notes == [
            "column 'Protcol' is not a header Portolan knows; its cells are protocols, so it was read as the protocol column (did you mean 'Protocol'?)",
            "column 'Owner' maps to no role; its cells are kept as attributes",
        ])
    }

    @Test func contentDecidesWhereHeaderWordsDoNot() {
        let document = read("""
            | From | To | Kind | Value |
            |---|---|---|---|
            | Web | API | HTTPS | 443 |
            | API | DB | TCP | 5432 |
            """)
        #expect(document.connections.map { $0.protocol ?? "" } == ["HTTPS", "TCP"])
        #expect(document.connections.map(\.ports.ranges) == [[PortRange(443)], [PortRange(5432)]])
    }

    @Test func aUserMappingNamesWhatTheReaderCouldNotGuess() {
        let parsed = ColumnMapping.parse("""
            # columns the vendor names its own way
            columns:
              Kind: protocol
              "Svc Port": port
              Owner: ignore
            """)
        #expect(parsed.diagnostics.isEmpty)
        let document = read("""
            | From | To | Kind | Svc Port | Owner |
            |---|---|---|---|---|
            | Web | API | Custom | 8443 | Team A |
            """, mapping: parsed.mapping)
        #expect(document.connections[0].protocol == "Custom")
        #expect(document.connections[0].ports.ranges == [PortRange(8443)])
        #expect(document.connections[0].attributes == [Attribute(name: "Owner", value: "Team A")])
        #expect(!document.diagnostics.contains { $0.code == "unmapped-column" })
    }

    @Test func aMappingWithAnUnknownRoleIsAnErrorAtItsLine() {
        let parsed = ColumnMapping.parse("columns:\n  Kind: protocl\n  Port: prot\nother: 1\n")
        let errors = parsed.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
        #expect(errors.count == 3)
        #expect(errors[0].hasPrefix("2:9: unknown role 'protocl' for column 'Kind'"))
        #expect(errors[0].hasSuffix("(did you mean 'protocol'?)"))
        #expect(errors[1].hasPrefix("3:9: unknown role 'prot'"))
        #expect(errors[2].hasPrefix("4:0: expected 'columns:'"))
        #expect(parsed.mapping.roles.isEmpty)
    }

    @Test func directionFromAColumnKeepsTheWordsAsWritten() {
        let document = read("""
            | Source | Destination | Port | Direction |
            |---|---|---|---|
            | Web | API | 443 | Inbound |
            | API | Mail | 25 | Outbound |
            | API | Peer | 7946 | In/Out |
            """)
        #expect(document.connections.map(\.classificationKind) == [.ingress, .egress, nil])
        #expect(document.connections.map { $0.attributes.first { $0.name == "Direction" }?.value } == ["Inbound", "Outbound", "In/Out"])
        #expect(!document.diagnostics.contains { $0.code == "empty-classification" })
    }

    @Test func directionFromAHeading() {
        let document = read("""
            ## Outbound (internal network > DMZ)

            | Source | Destination | Port |
            |---|---|---|
            | API | Relay | 25 |
            """)
        #expect(document.connections[0].classificationKind == .egress)
        #expect(document.connections[0].attributes.contains(Attribute(name: "Direction (from the heading)", value: "Outbound (internal network > DMZ)")))
    }

    @Test func aPartyColumnTakesItsOtherSideFromTheHeadingAndArrowsSplitIt() {
        let document = read("""
            ## Inbound rules for Billing Service

            | Source/Destination | Port |
            |---|---|
            | Web tier | 443 |
            | Batch → Billing DB | 5432 |
            """)
        #expect(document.connections.map(\.source) == ["Web tier", "Batch"])
        #expect(document.connections.map(\.destination) == ["Billing Service", "Billing DB"])
    }

    @Test func aListenerOnlyTableIsNotAConnectionsTable() {
        let document = read("""
            ## Ports this service listens on

            | Port | Protocol | Description |
            |---|---|---|
            | 8080 | TCP | HTTP API |
            """)
        #expect(document.connections.isEmpty)
        #expect(document.diagnostics.contains { $0.code == "listener-table" })
        #expect(document.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("no connections table found") })
    }

    @Test func aRowWithAnEmptyNumberIsNotGluedToTheRowAbove() {
        // Issue 12: the third row has no number; it used to become "Gamma Service Delta Service".
        for (separator, outer) in [(" | ", "|"), ("\t", "")] {
            let lines = [
                ["Connection", "Source", "Destination", "Protocol", "Port", "Classification"],
                ["1", "Alpha Service", "Beta Service", "HTTP", "80", "Intra-cluster"],
                ["", "Gamma Service", "Delta Service", "HTTP", "8080", "Intra-cluster"],
                ["2", "Beta Service", "Redis", "TCP", "6379", "Egress"],
            ]
            let text = lines.map { outer + $0.joined(separator: separator) + outer }.joined(separator: "\n")
            let document = read(text)
            #expect(document.connections.map(\.source) == ["Alpha Service", "Gamma Service", "Beta Service"])
            #expect(document.connections.map { $0.protocol ?? "" } == ["HTTP", "HTTP", "TCP"])
            #expect(document.diagnostics.contains { $0.code == "empty-number" && $0.line == 3 && $0.severity == .warning })
        }
    }

    @Test func controlCharactersAndBidiOverridesAreRemovedWithAWarning() {
        let document = read("| Source | Destination | Protocol | Port |\n|---|---|---|---|\n| Web\u{1B}[31m | A\u{202E}PI | TCP\u{07} | 443 |\n")
        let c = document.connections[0]
        #expect(c.source == "Web [31m")
        #expect(c.destination == "API")
        #expect(c.protocol == "TCP")
        #expect(document.diagnostics.contains { $0.code == "control-characters" && $0.message.contains("Source, Destination, Protocol") })
    }

    @Test func blanksLeftByALostRowspanInheritWithANote() {
        let document = read("""
            | Source | Destination | Protocol | Port |
            |---|---|---|---|
            | Web | API | TCP | 443 |
            |  | Cache | TCP | 6379 |
            """)
        #expect(document.connections.map(\.source) == ["Web", "Web"])
        #expect(document.diagnostics.contains { $0.code == "inherited-cell" && $0.line == 4 })
    }

    /// A side the table has no column for ("Inbound to Billing": the destination is the
    /// heading's) is no blank cell: every row takes it from the heading, none with a note. Before,
    /// every row after the first was noted as inheriting it (100,000 notes for 100,000 rows).
    @Test func aSideWithoutAColumnIsNotInheritedFromTheRowAbove() {
        let document = read("""
            ## Inbound to Billing

            | Source | Protocol | Port |
            |---|---|---|
            | Web | TCP | 443 |
            | Batch | TCP | 8443 |
            |  | UDP | 53 |
            """)
        #expect(document.connections.map(\.destination) == ["Billing", "Billing", "Billing"])
        // The third row's blank Source is a cell of the table: it is inherited, with its note.
        #expect(document.connections.map(\.source) == ["Web", "Batch", "Batch"])
        let notes = document.diagnostics.filter { $0.code == "inherited-cell" }
        #expect(notes.map(\.line) == [7])
        #expect(notes.first?.message.contains("the Source cell is blank") == true)
    }

    @Test func shiftedRowsArePlacedByTheirContent() {
        let above = ["TCP", "443", "Web"]
        let placed = ShiftedRow.realign(["8443", "Admin"], roles: [.protocol, .port, .description], above: above)
        #expect(placed?.texts == ["TCP", "8443", "Admin"])
        #expect(placed?.inherited == [0])
    }
}
