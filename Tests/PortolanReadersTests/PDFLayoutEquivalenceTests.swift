import PortolanModel
import PortolanReaders
import Testing

/// PDF files and Word documents read end to end (grids through the column interpreter) to
/// exactly the rows of the same table in another layout: the seeds' tables (as the seeds and
/// their Markdown copies read), and other vendors' tables (as a Markdown copy of the same table reads).
@Suite struct PDFLayoutEquivalenceTests {
    static let pdf = "\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/pdf"
    static let docx = "\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/docx"
    static let seedFiles = [("000", "\(pdf)/seed-000.chromium.pdf"), ("002", "\(pdf)/seed-002.landscape.pdf"),
                            ("003", "\(pdf)/seed-003.pages.pdf"), ("004", "\(pdf)/seed-004.libreoffice.pdf"),
                            ("000", "\(docx)/seed-000.merged.docx"), ("004", "\(docx)/seed-004.docx")]

    static func read(_ path: String) -> Document {
        DocumentReader.read(path: path, bytes: Fixture.bytes(path), format: DocumentFormat.of(path: path, bytes: [])!)
    }

    @Test(arguments: seedFiles)
    func seedTableReadsTheSameRowsAsTheSeed(key: String, path: String) throws {
        let document = Self.read(path)
        #expect(document.layout == (path.hasSuffix(".pdf") ? "pdf" : "docx"))
        let expected = Fixture.expectedRows(key)
        #expect(document.connections.map(Fixture.Row.init) == expected)
        // The same cells are missing whatever the layout, and nothing else is wrong.
        let seed = try Fixture.seed(key)
        #expect(document.diagnostics.filter { $0.severity == .warning }.map(\.message)
                == seed.diagnostics.filter { $0.severity == .warning }.map(\.message))
        #expect(!document.diagnostics.contains { $0.severity == .error })
        #expect(document.subject == seed.subject)
    }

    @Test func pdfRowsCarryTheirPageAndLineWithinThePage() {
        let document = Self.read("\(Self.pdf)/seed-003.pages.pdf")
        let row24 = document.connections.first { $0.number == "24" }
        #expect(row24?.page == 3)
        #expect(document.connections.allSatisfy { $0.page != nil && $0.line >= 1 })
        // A diagnostic says the page, and the line within it where the row's number is written
        // (row 13 is middle-aligned: four lines of its description come first).
        let designer = Self.read("\(Self.pdf)/seed-004.libreoffice.pdf")
        let first = designer.diagnostics.first { $0.message == "connection 13: the Protocol cell is empty" }
        #expect(first?.formatted(path: "designer.pdf") == "designer.pdf:page 2:17: warning: connection 13: the Protocol cell is empty")
    }

    /// A vendor's table from Fixtures/pdf/src as a Markdown pipe table, read as text.
    static func markdown(_ names: [String], headings: [String]) -> Document {
        var text = ""
        for (name, heading) in zip(names, headings) {
            let lines = Fixture.text("\(pdf)/src/\(name).tsv").split(separator: "\n").map(String.init)
            let header = String(lines[0].dropFirst(2)).components(separatedBy: "   (")[0]
            text += "## \(heading)\n\n"
            for (index, line) in ([header] + lines.dropFirst()).enumerated() {
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                text += "| " + cells.joined(separator: " | ") + " |\n"
                if index == 0 { text += "|" + String(repeating: "---|", count: cells.count) + "\n" }
            }
            // The page's footnote about its stars, where the table uses them.
            if lines.contains(where: { $0.contains("*") && !$0.hasPrefix("#") }) { text += "\n* Configurable ports\n" }
            text += "\n"
        }
        return DocumentReader.read(path: "\(names[0]).md", text: SourceText(text: text))
    }

    struct Peer: Equatable {
        var number, source, destination: String
        var `protocol`: String?
        var ports: PortSpec
        var classification: String?
        var description: String

        init(_ c: Connection) {
            number = c.number; source = c.source; destination = c.destination; `protocol` = c.protocol
            ports = c.ports; classification = c.classification; description = c.description
        }
    }

    @Test(arguments: [
        ("kafka.pdf", ["kafka"], ["Ports used by the streaming platform"]),
        ("consul.two-tables.pdf", ["consul-servers", "consul-clients"], ["Server ports (inbound)", "Client agent ports"]),
        ("elastic.landscape.pdf", ["elastic"], ["Firewall rules for the search stack"]),
        // Cell borders a space from the words: only the vertical rules part the columns.
        ("rabbitmq.ruled-tight.pdf", ["rabbitmq"], ["Broker networking"]),
        ("rabbitmq.writer-borders.pdf", ["rabbitmq"], ["Broker networking"]),
        // No rules, no number column, rows as tight as the lines of a cell.
        ("vault.tight.pdf", ["vault"], ["Secrets manager network ports"]),
        // Two columns of running text first, the table on the next page.
        ("newsletter.two-column.pdf", ["vault"], ["Network ports"]),
    ])
    func otherVendorsTableReadsTheSameRowsAsItsMarkdownCopy(file: String, tables: [String], headings: [String]) {
        let document = Self.read("\(Self.pdf)/\(file)")
        let copy = Self.markdown(tables, headings: headings)
        #expect(!copy.connections.isEmpty)
        #expect(document.connections.map(Peer.init) == copy.connections.map(Peer.init))
        #expect(!document.diagnostics.contains { $0.severity == .error })
    }

    @Test func wordTableReadsTheSameRowsAsThePDFOfTheSamePage() {
        let word = Self.read("\(Self.docx)/kafka.docx")
        let pdf = Self.read("\(Self.pdf)/kafka.pdf")
        #expect(word.connections.count == 7)
        #expect(word.connections.map(Peer.init) == pdf.connections.map(Peer.init))
        // "9092/9093*" with the page's "* Configurable ports": both ports, configurable.
        #expect(pdf.connections.first?.ports.ranges == [PortRange(9092), PortRange(9093)])
        #expect(pdf.connections.first?.ports.configurable == true)
    }

    @Test func pdfOfAWordTableReadsTheSameRowsAsTheWordDocument() {
        let word = Self.read("\(Self.docx)/caption.docx")
        let pdf = Self.read("\(Self.pdf)/word-tight.libreoffice.pdf")
        #expect(word.connections.count == 3)
        #expect(pdf.connections.map(Peer.init) == word.connections.map(Peer.init))
    }

    @Test func formatByExtensionOrPDFSignature() {
        #expect(DocumentFormat.of(path: "Guide.PDF", bytes: []) == .pdf)
        #expect(DocumentFormat.of(path: "download", bytes: Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(DocumentFormat.of(path: "notes.md", bytes: Array("# About %PDF-1.7 headers\n".utf8)) == nil)
        #expect(DocumentFormat.of(path: "design.docx", bytes: []) == .docx)
        #expect(DocumentFormat.of(path: "old.doc", bytes: []) == .docx)
        #expect(DocumentFormat.of(path: "table.html", bytes: Array("<table>".utf8)) == nil)
    }

    @Test func unreadablePDFIsOneErrorAndNoRows() {
        let document = Self.read("\(Self.pdf)/bad/scanned.pdf")
        #expect(document.connections.isEmpty)
        #expect(document.diagnostics.map(\.severity) == [.error])
    }
}
