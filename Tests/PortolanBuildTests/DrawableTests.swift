import Foundation
import PortolanBuild
import PortolanModel
import PortolanReaders
import Testing

/// A view of more than 2,000 connections is drawn with one line per product and pair of
/// components, and says so; its table keeps every row.
@Suite struct DrawableTests {
    @Test func aLargeViewIsDrawnOneLinePerPair() throws {
        var table = "From the point of view of Billing as a service in the network.\n\n"
        table += "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n"
        for n in 1...2001 {
            table += "\(n)\tBilling API\t\(n % 2 == 0 ? "Redis" : "PostgreSQL")\tTCP\t\(5000 + n)\tIntra-cluster\tRecord \(n).\n"
        }
        let read = FileReader.read(path: "docs/billing.txt", bytes: Array(table.utf8))
        let result = try Builder(Request(parts: [.diagrams, .tables], scopes: [.product], diagramFormats: ["svg"]))
            .run(Workspace(model: Model(documents: read.documents)))
        let notes = result.diagnostics.map(\.diagnostic.message).filter { $0.hasPrefix("2001 connections") }
        #expect(notes == ["2001 connections are more than 2000: drawn as 2 lines, one per product and pair of components (labelled with its first row), and its focus pages likewise; the tables, sheets and site pages list every row"])
        let svg = String(decoding: result.files["billing/connections.svg"] ?? Data(), as: UTF8.self)
        #expect(svg.components(separatedBy: "<g id=\"conn-").count - 1 == 2)
        let markdown = String(decoding: result.files["billing/connections.md"] ?? Data(), as: UTF8.self)
        #expect(markdown.contains("Record 1.") && markdown.contains("Record 2001."))
    }
}
