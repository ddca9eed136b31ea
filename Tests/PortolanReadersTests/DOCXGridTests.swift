import PortolanModel
@testable import PortolanReaders
import Testing

/// Word documents LibreOffice writes from HTML (Fixtures/pdf/make_fixtures.sh) read to grids
/// whose rows are the rows of the same table in another layout, merged cells included.
@Suite struct DOCXGridTests {
    static let folder = "\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/docx"

    static func read(_ name: String) -> GridsRead { DOCXGrids.read(Fixture.bytes("\(folder)/\(name)")) }

    @Test(arguments: [("seed-000.merged.docx", "000"), ("seed-004.docx", "004")])
    func seedTableReadsToTheSeedsRows(file: String, key: String) throws {
        let read = Self.read(file)
        #expect(read.diagnostics.isEmpty)
        let grid = try #require(read.grids.first)
        #expect(read.grids.count == 1 && grid.layout == "docx")
        #expect(grid.header.map(\.texts) == [PDFGridTests.seedHeader])
        let expected = PDFGridTests.rows("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/expected/\(key).connections.tsv", dashIsEmpty: true)
        #expect(grid.rows.map(\.texts) == expected)
    }

    @Test func rowspanFromTheSavedPageIsVMergeAndSpanned() throws {
        // Fixtures/layouts/000.html writes "CX Contact" once over rows 5-7 (rowspan="3").
        let grid = try #require(Self.read("seed-000.merged.docx").grids.first)
        let source = grid.rows.map { ($0.texts[0], $0.cells[1].text, $0.cells[1].spanned) }
        #expect(source[4] == ("5", "CX Contact", false))
        #expect(source[5] == ("6", "CX Contact", true))
        #expect(source[6] == ("7", "CX Contact", true))
        #expect(source[7] == ("8", "Outbound", false))
    }

    @Test func vMergeAndGridSpanRepeatTheirTextMarkedSpanned() throws {
        let read = Self.read("merged.docx")
        let grid = try #require(read.grids.first)
        #expect(grid.header.map(\.texts) == [["Source", "Destination", "Protocol", "Port", "Purpose"]])
        #expect(grid.rows.map(\.texts) == [
            ["Ensemble members", "Ensemble members", "TCP", "2888", "Followers connect to the leader."],
            ["Ensemble members", "Ensemble members", "TCP", "3888", "Leader election between members."],
            ["Clients", "Ensemble members", "TCP", "2181", "Client sessions and watches."],
            ["Operators", "Ensemble members", "HTTP 8080", "HTTP 8080", "AdminServer commands. Off by default."],
        ])
        #expect(grid.rows.map { $0.cells.map(\.spanned) } == [
            [false, false, false, false, false],
            [true, true, true, false, false],
            [false, false, false, false, false],
            [false, false, false, true, false],
        ])
        // The headings before the table are its context, nearest last; the ones after are not.
        #expect(grid.context == ["Coordination service ports", "Inbound rules", "Open these ports on every ensemble member."])
        #expect(read.paragraphs.suffix(2) == ["Outbound rules", "None: members only answer."])
        // Lines count paragraphs and table rows from the start of the body.
        #expect(grid.position.line == 4)
        #expect(grid.rows.map(\.position.line) == [5, 6, 7, 8])
        #expect(grid.rows[3].cells[3].position == GridPosition(line: 8, column: 4))
    }

    @Test func captionRowMergedAcrossTheTableIsContextNotHeader() throws {
        let grid = try #require(Self.read("caption.docx").grids.first)
        #expect(grid.context.last == "Table 2: Outbound traffic of the agent")
        #expect(grid.header.map(\.texts) == [["Source", "Destination", "Port", "Protocol", "Description"]])
        #expect(grid.rows.map(\.texts) == [
            ["Agent host", "Metrics intake", "443", "HTTPS", "Metrics, checks and events."],
            ["Agent host", "Log intake", "10516", "TCP", "Logs over TLS."],
            ["Agent host", "NTP servers", "123", "UDP", "Clock offset checks."],
        ])
        let document = DocumentReader.read(path: "caption.docx", bytes: Fixture.bytes("\(Self.folder)/caption.docx"), format: .docx)
        #expect(document.connections.map(\.destination) == ["Metrics intake", "Log intake", "NTP servers"])
        #expect(document.title == "Monitoring agent network traffic")
    }

    @Test func otherVendorsTableReadsToItsRows() throws {
        let grid = try #require(Self.read("kafka.docx").grids.first)
        let expected = PDFGridTests.rows("\(PDFGridTests.folder)/src/kafka.tsv", dashIsEmpty: false)
        #expect(grid.rows.map(\.texts) == expected)
    }

    @Test func badWordDocumentsSayWhatWasFoundAndWhatToDo() {
        let docx = Fixture.bytes("\(Self.folder)/kafka.docx")
        // The first bytes of an OLE compound file, as Word writes a password-protected .docx (made
        // here, not by Word).
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let cases: [([UInt8], String)] = [
            (compound, "the file is an OLE compound document, not a .docx ZIP: a password-protected Word document or an old .doc; remove the password (or save it as .docx) in Word or LibreOffice and read that"),
            (Fixture.bytes("\(PDFGridTests.folder)/kafka.pdf"), "the file is not a Word document (.docx files are ZIP archives, and this is not one); save it as .docx from Word or LibreOffice"),
            (Array(docx.prefix(docx.count / 2)), "the file is not a Word document (.docx files are ZIP archives, and this is not one); save it as .docx from Word or LibreOffice"),
            ([], "the file is not a Word document (.docx files are ZIP archives, and this is not one); save it as .docx from Word or LibreOffice"),
        ]
        for (bytes, message) in cases {
            let read = DOCXGrids.read(bytes)
            #expect(read.grids.isEmpty)
            #expect(read.diagnostics == [Diagnostic(.error, message)])
        }
    }

    @Test func cellTextSkipsDeletionsFieldCodesAndFallbackCopies() throws {
        // Word XML written here (a tracked deletion, a field, a text box written twice).
        let xml = """
            <w:document xmlns:w="w" xmlns:mc="mc"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Port</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>44</w:t></w:r><w:del><w:r><w:delText>80</w:delText></w:r></w:del><w:ins><w:r><w:t>3</w:t></w:r></w:ins>
            <w:r><w:fldChar/><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:t>TCP</w:t></w:r></w:p>
            <w:p><mc:AlternateContent><mc:Choice><w:r><w:t>note</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>note</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>
            </w:tc></w:tr></w:tbl></w:body></w:document>
            """
        let root = try WordNode.parse(Array(xml.utf8)).get()
        guard case .table(let table) = WordBody.blocks(root).first else { Issue.record("no table"); return }
        let grid = WordTable.grid(table, line: 1, context: [])
        #expect(grid.rows.map(\.texts) == [["443 TCP note"]])
    }

    @Test func damagedXMLInsideTheZIPIsAnError() {
        switch WordNode.parse(Array("<w:document><w:body><w:p>".utf8)) {
        case .success: Issue.record("an unclosed document parsed")
        case .failure(let failure): #expect(!failure.reason.isEmpty)
        }
        // No entity expansion: an entity defined in the document stays unexpanded or is refused.
        let entities = "<!DOCTYPE d [<!ENTITY x \"EXPANDED\">]><document><body><p><r><t>&x;</t></r></p></body></document>"
        if case .success(let root) = WordNode.parse(Array(entities.utf8)) {
            #expect(!WordBody.text(root).contains("EXPANDED"))
        }
    }
}
