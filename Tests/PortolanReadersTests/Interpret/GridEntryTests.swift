import PortolanModel
import PortolanReaders
import Testing

/// The entry other readers (PDF geometry, Word XML) call with the grids they built.
@Suite struct GridEntryTests {
    func row(_ texts: [String], line: Int, page: Int) -> GridRow {
        let position = GridPosition(line: line, page: page)
        return GridRow(cells: texts.map { GridCell($0, position: position) }, position: position)
    }

    @Test func gridsFromAPagedDocumentKeepTheirPagesAndNumbering() {
        let first = Grid(layout: "pdf", header: [row(["Source", "Destination", "Port", "Protocol", "Owner"], line: 3, page: 1)],
                         rows: [row(["Web", "API", "443", "TCP", "Team A"], line: 4, page: 1)],
                         context: ["Inbound rules"], position: GridPosition(line: 3, page: 1))
        let second = Grid(layout: "pdf", header: [row(["Source", "Destination", "Port"], line: 1, page: 2)],
                          rows: [row(["API", "DB", "see comments"], line: 2, page: 2)],
                          context: [], position: GridPosition(line: 1, page: 2))
        let document = DocumentReader.read(path: "guide.pdf", grids: [first, second], title: "Guide", subject: "Shop")
        #expect(document.layout == "pdf")
        #expect(document.connections.map(\.number) == ["1", "2"])
        #expect(document.connections.map(\.page) == [1, 2])
        #expect(document.connections[0].classificationKind == .ingress)
        #expect(document.connections[0].attributes.contains(Attribute(name: "Owner", value: "Team A")))
        let prose = document.diagnostics.first { $0.message.contains("names no port number") }
        #expect(prose?.page == 2 && prose?.line == 2)
        #expect(prose?.formatted(path: "guide.pdf") == "guide.pdf:page 2:2: warning: connection 2: the Port cell 'see comments' names no port number; no ports were taken from it")
    }

    @Test func aGridThatIsNoTableGivesTheUsualError() {
        let grid = Grid(layout: "docx", header: [row(["Name", "Value"], line: 1, page: 1)], rows: [row(["a", "b"], line: 2, page: 1)],
                        position: GridPosition(line: 1, page: 1))
        let document = DocumentReader.read(path: "x.docx", grids: [grid], title: nil, subject: nil)
        #expect(document.connections.isEmpty)
        #expect(document.diagnostics.map(\.severity) == [.error])
    }
}
