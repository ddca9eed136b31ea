import PortolanAnalysis
import PortolanModel
import PortolanReaders
import Testing

/// The reader's diagnostics reach lint, except the three empty cells MissingCell reports again.
@Suite struct LintReaderFindingsTests {
    @Test func emptyNameCellsStayEmptyProtocolIsMissingCells() {
        let text = "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData\n1\t\tB\t\t80\tEgress\tx\n"
        let document = DocumentReader.read(path: "d.txt", text: SourceText(text: text))
        #expect(document.diagnostics.compactMap(\.code) == ["empty-source", "empty-protocol"])
        let findings = Linter.readerFindings(Model(documents: [document]))
        #expect(findings.map(\.message) == ["connection 1: the Source cell is empty"])
        #expect(findings.map(\.rule) == [Linter.readerRule])
    }
}
