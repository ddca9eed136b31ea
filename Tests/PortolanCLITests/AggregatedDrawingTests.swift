import Foundation
import Testing

/// One place decides when a view is drawn with one line per product and pair of components
/// (`Drawable`, above 2,000 connections): `diagram` and `build` draw the same picture of a view
/// just above it, and both say so.
@Suite struct AggregatedDrawingTests {
    @Test func diagramAndBuildDrawTheSameAggregatedView() throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)
        var text = "From the point of view of Billing as a service in the network.\n\n"
        text += "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n"
        // 2,001 rows between three pairs of components: Billing API -> Redis, -> PostgreSQL, and Web -> Billing API.
        for n in 1...2001 {
            let (source, destination) = [("Billing API", "Redis"), ("Billing API", "PostgreSQL"), ("Web", "Billing API")][n % 3]
            text += "\(n)\t\(source)\t\(destination)\tTCP\t\(5000 + n)\tIntra-cluster\tRecord \(n).\n"
        }
        try CLI.write(Array(text.utf8), to: "\(folder)/in/billing.txt")
        let note = "2001 connections are more than 2000: drawn as 3 lines, one per product and pair of components"

        let diagram = try CLI.run(["diagram", "\(folder)/in", "--format", "svg", "--output", "\(folder)/billing.svg"])
        #expect(diagram.status == 0, "\(diagram.stderr.suffix(500))")
        #expect(diagram.stderr.contains(note))
        let drawn = String(decoding: FileManager.default.contents(atPath: "\(folder)/billing.svg") ?? Data(), as: UTF8.self)
        #expect(drawn.components(separatedBy: "<g id=\"conn-").count - 1 == 3)

        let build = try CLI.run(["build", "--input", "\(folder)/in", "--output", "\(folder)/out"])
        #expect(build.status == 0, "\(build.stderr.suffix(500))")
        #expect(build.stderr.contains(note))
        let built = String(decoding: FileManager.default.contents(atPath: "\(folder)/out/billing/connections.svg") ?? Data(), as: UTF8.self)
        #expect(built == drawn)
        // The tables keep every row.
        let table = String(decoding: FileManager.default.contents(atPath: "\(folder)/out/billing/connections.md") ?? Data(), as: UTF8.self)
        #expect(table.contains("Record 2001."))
        #expect(table.components(separatedBy: "Record ").count - 1 == 2001)
    }
}
