import PortolanModel
import PortolanReaders
import Testing

/// The seeds' tables written as a Markdown pipe table and as one line per row with single
/// spaces (how a web page's table reads when copied) read to the same rows as the seeds.
@Suite struct LayoutEquivalenceTests {
    static let keys = ["000", "002", "003", "004"]

    @Test(arguments: keys)
    func markdownReadsTheSameRows(key: String) throws {
        let document = try Fixture.read("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/layouts/\(key).md")
        #expect(document.layout == "markdown")
        expectSameRows(document, key: key)
    }

    @Test(arguments: keys)
    func oneLinePlainTextReadsTheSameRows(key: String) throws {
        let document = try Fixture.read("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/layouts/\(key).oneline.txt")
        #expect(document.layout == "wrapped")
        expectSameRows(document, key: key)
    }

    @Test(arguments: keys)
    func sameSubjectAsTheSeed(key: String) throws {
        let seed = try Fixture.seed(key)
        for suffix in ["md", "oneline.txt"] {
            let document = try Fixture.read("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/layouts/\(key).\(suffix)")
            #expect(document.subject == seed.subject)
        }
    }

    private func expectSameRows(_ document: Document, key: String) {
        let expected = Fixture.expectedRows(key)
        #expect(document.connections.count == expected.count)
        for (want, got) in zip(expected, document.connections.map(Fixture.Row.init)) {
            #expect(got == want, "row \(want.number): got \(got.summary) / \(got.description)")
        }
        // Whatever the layout, the missing cells are the same ones.
        let seedWarnings = (try? Fixture.seed(key))?.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(document.diagnostics.filter { $0.severity == .warning }.map(\.message) == seedWarnings)
    }
}
