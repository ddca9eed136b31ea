import PortolanModel
@testable import PortolanReaders
import Testing

/// PDFs printed by Chromium and converted by LibreOffice (Fixtures/pdf/make_fixtures.sh) read to
/// grids whose rows are, cell for cell, the rows of the same table in another layout: the seeds'
/// tables (Fixtures/expected/) and other vendors' tables (Fixtures/pdf/src/*.tsv).
@Suite struct PDFGridTests {
    static let folder = "\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/pdf"
    static let seeds = ["000": "seed-000.chromium.pdf", "002": "seed-002.landscape.pdf",
                        "003": "seed-003.pages.pdf", "004": "seed-004.libreoffice.pdf"]
    static let seedHeader = ["Connection", "Source", "Destination", "Protocol", "Port", "Classification",
                             "Data that travels on this connection"]

    static func read(_ name: String) -> GridsRead { PDFGrids.read(Fixture.bytes("\(folder)/\(name)")) }

    /// Rows of a TSV, '-' standing for an empty cell in the seeds' expected files.
    static func rows(_ path: String, dashIsEmpty: Bool) -> [[String]] {
        Fixture.text(path).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { dashIsEmpty && $0 == "-" ? "" : String($0) }
        }
    }

    /// A header's columns with its lines joined and spaces dropped ("Conne" + "ction" = "Connection").
    static func squeezedHeader(_ grid: Grid) -> [String] {
        guard let width = grid.header.first?.cells.count else { return [] }
        return (0..<width).map { column in grid.header.map { $0.cells[column].text }.joined().filter { $0 != " " } }
    }

    @Test(arguments: seeds.keys.sorted())
    func seedTableReadsToTheSeedsRows(key: String) throws {
        let read = Self.read(Self.seeds[key]!)
        #expect(read.diagnostics.isEmpty)
        let grid = try #require(read.grids.first)
        #expect(read.grids.count == 1)
        #expect(grid.layout == "pdf")
        #expect(Self.squeezedHeader(grid) == Self.seedHeader.map { $0.filter { $0 != " " } })
        let expected = Self.rows("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/expected/\(key).connections.tsv", dashIsEmpty: true)
        #expect(grid.rows.count == expected.count)
        for (want, got) in zip(expected, grid.rows.map(\.texts)) {
            #expect(got == want)
        }
    }

    @Test func headerCellsBrokenMidWordAreHeaderRows() throws {
        let grid = try #require(Self.read("seed-000.chromium.pdf").grids.first)
        #expect(grid.header.map(\.texts) == [
            ["Connec", "Source", "Destinatio", "Protoc", "Port", "Classifica", "Data that travels on"],
            ["tion", "", "n", "ol", "", "tion", "this connection"],
        ])
        // Line 1 is the running page header, 2-4 the disclaimer, 5 the title, 6-7 the subject
        // sentence, 8 "Connections table", 9 the sentence under it.
        #expect(grid.position == GridPosition(line: 10, column: 1, page: 1))
    }

    @Test func tableOverFivePagesIsOneGridWithPagePositions() throws {
        let read = Self.read("seed-003.pages.pdf")
        let grid = try #require(read.grids.first)
        // The repeated header on pages 2-5 is not a row, and rows keep their page.
        #expect(grid.rows.count == 60)
        #expect(!grid.rows.contains { $0.texts[0] == "Conne" || $0.texts[1] == "Source" })
        #expect(grid.rows.first?.position.page == 1)
        // Rows 1-9 on page 1, 10-23 on page 2, 24-39 on 3, 40-58 on 4, 59-60 on 5 (pdftotext -f N -l N).
        let pages = Dictionary(grouping: grid.rows, by: { $0.position.page ?? 0 }).mapValues { $0.map { $0.texts[0] } }
        #expect(pages[2]?.first == "10" && pages[2]?.last == "23")
        #expect(pages[3]?.first == "24" && pages[4]?.first == "40" && pages[5] == ["59", "60"])
        #expect(grid.rows.last?.position.page == 5)
        #expect(Set(grid.rows.compactMap(\.position.page)) == [1, 2, 3, 4, 5])
        // Page headers and footers are neither rows nor paragraphs; the disclaimer is a paragraph.
        #expect(!read.paragraphs.contains { $0.contains("Page ") || $0.contains("Genesys Multicloud CX private edition") })
        #expect(read.paragraphs.first?.hasPrefix("This PDF is generated from authoritative online content") == true)
        #expect(grid.context.last == "Connections table")
    }

    @Test func tokensCutAtTheColumnEdgeAreWholeAgain() throws {
        // Printed as "909" / "2/90" / "93*", "637" / "9*", "Postgr" / "es", "Not" / "kno" / "wn (con" / "figur" / "ed".
        let grid = try #require(Self.read("seed-003.pages.pdf").grids.first)
        let ports = grid.rows.map { $0.texts[4] }
        #expect(ports[10] == "9092/9093*")
        #expect(ports[11] == "6379*")
        #expect(grid.rows[12].texts[3] == "Postgres")
        #expect(ports[58] == "Not known (configured as trunk DN level in customer) CME)")
    }

    @Test func rowCutByAPageBreakIsOneRow() throws {
        // LibreOffice puts "MCP Registers MCP to / the Consul." of row 10 on page 2, under the repeated header.
        let grid = try #require(Self.read("seed-004.libreoffice.pdf").grids.first)
        let row10 = try #require(grid.rows.first { $0.texts[0] == "10" })
        #expect(row10.texts[6] == "TCP messages. Service Handler container inside MCP Registers MCP to the Consul.")
        #expect(row10.position.page == 1)
        #expect(grid.rows.first { $0.texts[0] == "11" }?.position == GridPosition(line: 7, column: 1, page: 2))
    }

    @Test func rowsAsCloseAsLinesArePartedByTheRuledLines() throws {
        // Word's cell margins: no space above or below a cell's text, so the lines of one row and
        // the first line of the next are as far apart; only the borders LibreOffice draws part them.
        let grid = try #require(Self.read("word-tight.libreoffice.pdf").grids.first)
        #expect(grid.rows.map(\.texts) == [
            ["Agent host", "Metrics intake", "443", "HTTPS", "Metrics, checks and events."],
            ["Agent host", "Log intake", "10516", "TCP", "Logs over TLS."],
            ["Agent host", "NTP servers", "123", "UDP", "Clock offset checks."],
        ])
        #expect(Self.squeezedHeader(grid) == ["Source", "Destination", "Port", "Protocol", "Description"])
    }

    @Test(arguments: [("kafka.pdf", ["kafka"]), ("consul.two-tables.pdf", ["consul-servers", "consul-clients"]),
                      ("elastic.landscape.pdf", ["elastic"]), ("rabbitmq.ruled-tight.pdf", ["rabbitmq"]),
                      ("rabbitmq.writer-borders.pdf", ["rabbitmq"]), ("vault.tight.pdf", ["vault"]),
                      ("newsletter.two-column.pdf", ["vault"])])
    func otherVendorsTablesReadToTheirRows(file: String, tables: [String]) {
        let read = Self.read(file)
        #expect(read.diagnostics.isEmpty)
        #expect(read.grids.count == tables.count)
        for (grid, name) in zip(read.grids, tables) {
            let expected = Self.rows("\(Self.folder)/src/\(name).tsv", dashIsEmpty: false)
            let header = Fixture.text("\(Self.folder)/src/\(name).tsv").split(separator: "\n")[0]
                .dropFirst(2).components(separatedBy: "   (")[0].split(separator: "\t").map { $0.filter { $0 != " " } }
            #expect(Self.squeezedHeader(grid) == header)
            #expect(grid.rows.map(\.texts) == expected)
        }
    }

    @Test func twoColumnsOfRunningTextAreParagraphsNotATable() {
        // A newsletter page: two columns of justified prose, side by side on every line.
        let read = Self.read("prose.two-column.pdf")
        #expect(read.grids.isEmpty)
        #expect(read.diagnostics.isEmpty)
        #expect(read.title == "Planning the network")
        // Each column's lines are text: the first paragraph of the left column is read as written.
        #expect(read.paragraphs.joined(separator: " ").contains("Every secrets manager deployment starts with a question about trust"))
        // With the table on the next page, only the table is a grid.
        let newsletter = Self.read("newsletter.two-column.pdf")
        #expect(newsletter.grids.count == 1)
        #expect(newsletter.grids.first?.position.page == 2)
        #expect(newsletter.grids.first?.context.last == "Network ports")
    }

    @Test func columnsOfATableDrawnWithCellBordersAreItsRules() throws {
        // Chromium, 1 pt padding: "Port" ends 3.8 pt before "Description" (a space is 3.2 pt)
        // and "25672" wraps as "2567" / "2" against the border.
        let grid = try #require(Self.read("rabbitmq.ruled-tight.pdf").grids.first)
        #expect(grid.header.map(\.texts) == [["Source", "Destination", "Protoc", "Port", "Description"], ["", "", "ol", "", ""]])
        #expect(grid.rows[2].texts == ["Broker nodes", "Broker nodes", "TCP", "25672",
                                       "Inter-node and command line tool communication through Erlang distribution."])
        // Words that wrapped inside a narrow cell stay two words ("Management" / "plugin").
        #expect(grid.rows[4].texts[1] == "Management plugin")
    }

    @Test func twoTablesOnOnePageEachHaveTheirHeadingAsContext() {
        let grids = Self.read("consul.two-tables.pdf").grids
        #expect(grids.map(\.context) == [["Required ports", "Server ports (inbound)"],
                                         ["Client agent ports", "Every agent listens on these ports."]])
        #expect(grids.map(\.position.line) == [3, 12])
    }

    @Test func footnoteAfterTheTableIsNotSwallowed() throws {
        let read = Self.read("kafka.pdf")
        #expect(read.grids.first?.rows.last?.texts == ["9999", "TCP", "Monitoring agent", "Broker", "JMX metrics scraped every minute."])
        #expect(read.paragraphs.last == "* Configurable ports")
    }

    @Test(arguments: [
        ("bad/encrypted.pdf", "the PDF is encrypted and needs a password to open; save or print an unprotected copy and read that"),
        ("bad/scanned.pdf", "the PDF has no text, only images on 1 of its 1 pages (a scan?); run it through OCR (for example `ocrmypdf`) and read the result"),
        ("bad/truncated.pdf", "the file is not a PDF that can be opened (PDF document is damaged); download it again or re-save it as PDF from the application that made it"),
    ])
    func badPDFsSayWhatWasFoundAndWhatToDo(file: String, message: String) {
        let read = Self.read(file)
        #expect(read.grids.isEmpty)
        #expect(read.diagnostics == [Diagnostic(.error, message)])
    }

    @Test func bytesThatAreNotAPDFAreAnErrorNotACrash() {
        for bytes in [[], Array("%PDF-1.7\n garbage".utf8), [UInt8](repeating: 0, count: 4096)] as [[UInt8]] {
            let read = PDFGrids.read(bytes)
            #expect(read.grids.isEmpty)
            #expect(read.diagnostics.count == 1 && read.diagnostics[0].severity == .error)
        }
    }

    @Test func readingTwiceGivesTheSameGrids() {
        #expect(Self.read("seed-003.pages.pdf") == Self.read("seed-003.pages.pdf"))
    }
}
