import PortolanModel
import PortolanReaders
import Testing

/// Saved web pages in the shape of the vendor's MediaWiki pages (`wikitable`).
@Suite struct HTMLReaderTests {
    @Test(arguments: ["000", "002", "003", "004"])
    func seedTablesAsWikiPagesReadTheSameRows(key: String) throws {
        // The fixtures share one source cell between consecutive rows (rowspan), as wiki tables do.
        let document = try Fixture.read("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/layouts/\(key).html")
        #expect(document.layout == "html")
        #expect(document.subject == (try Fixture.seed(key)).subject)
        let expected = Fixture.expectedRows(key)
        #expect(document.connections.count == expected.count)
        for (want, got) in zip(expected, document.connections.map(Fixture.Row.init)) {
            #expect(got == want, "row \(want.number): got \(got.summary) / \(got.description)")
        }
    }

    @Test func includedServicesWithLists() throws {
        let document = try Fixture.read("\(Fixture.root)/Tests/PortolanReadersTests/Fixtures/layouts/001.html")
        let seed = try Fixture.seed("001")
        #expect(document.subject == "CX Contact")
        #expect(document.services.map(\.name) == seed.services.map(\.name))
        #expect(document.services.map(\.items) == seed.services.map(\.items))
        #expect(document.services.map(\.description) == seed.services.map(\.description))
    }

    @Test func spansBreaksAndEntities() {
        let page = """
            <html><head><title>Demo</title></head><body>
            <h1>Demo Service Guide</h1>
            <h2>Introduction</h2>
            <p>Demo &amp; friends talk to each other.</p>
            <h2>Connections table</h2>
            <p>From the point of view of Demo Service as a service in the network.</p>
            <table class="wikitable">
            <tr><th>Connection</th><th>Source</th><th>Destination</th><th>Protocol</th><th>Port</th><th>Classification</th><th>Data that travels on this connection</th></tr>
            <tr><td>1</td><td rowspan="2">Web<br>Front&nbsp;End</td><td>API &lt;v2&gt;</td><td>HTTPS</td><td>443</td><td>Egress</td><td>Calls<br/>the API.</td></tr>
            <tr><td>2</td><td>Redis</td><td>TCP</td><td>6379*</td><td>Egress</td><td>Cache.</td></tr>
            <tr><td>3</td><td colspan="2">Both ends</td><td>UDP</td><td>53</td><td>Intra-cluster</td><td>DNS</td></tr>
            </table></body></html>
            """
        let document = DocumentReader.read(path: "demo.html", text: SourceText(text: page))
        #expect(document.title == "Demo Service Guide")
        #expect(document.subject == "Demo Service")
        #expect(document.intro == ["Demo & friends talk to each other."])
        let rows = document.connections
        #expect(rows.count == 3)
        #expect(rows[0].source == "Web Front End")
        #expect(rows[0].destination == "API <v2>")
        #expect(rows[0].description == "Calls the API.")
        #expect(rows[1].source == "Web Front End")  // the rowspan'd cell
        #expect(rows[1].ports.configurable)
        #expect(rows[2].source == "Both ends" && rows[2].destination == "Both ends")  // colspan
        #expect(rows[1].line == 10)
    }

    @Test func brokenMarkupIsForgiven() {
        let page = "<html><body><table><tr><th>Connection<th>Source<th>Destination<th>Protocol<th>Port<th>Classification<tr><td>1<td>A<td>B<td>TCP<td>80<td>Egress</table>"
        let document = DocumentReader.read(path: "broken.html", text: SourceText(text: page))
        #expect(document.connections.map(\.source) == ["A"])
        #expect(document.connections.first?.classification == "Egress")
    }

    @Test func pageWithoutTableIsAnError() {
        let document = DocumentReader.read(path: "empty.html", text: SourceText(text: "<html><body><p>Nothing here.</p></body></html>"))
        #expect(document.diagnostics.map(\.severity) == [.error])
    }
}
