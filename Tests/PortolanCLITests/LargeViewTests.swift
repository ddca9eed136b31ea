import Foundation
import Testing

/// A platform view with hundreds of connections is drawn as an overview (sfdp, no boxes), and
/// says so, instead of failing or taking minutes in dot; every connection is still an edge.
@Suite struct LargeViewTests {
    static let overviewNote = "Platform: note: 340 connections are more than 300: drawn as an overview (sfdp, no boxes, straight lines), which takes a second where dot takes minutes or fails; each product's diagram is still laid out by dot"

    @Test(.enabled(if: benchmarking, "a size case: `make bench` runs it")) func hundredsOfConnectionsGiveAnOverview() throws {
        let folder = try CLI.temporaryFolder()
        for product in 0..<2 {
            var text = "From the point of view of Product \(product) as a service in the network.\n\n"
            text += "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n"
            for n in 1...170 {
                let a = (n * 7) % 45, b = (n * 11 + 3) % 45
                text += "\(n)\tService \(product)-\(a)\tService \(product)-\(b == a ? (b + 1) % 45 : b)\tTCP\t\(8000 + n % 50)\tIntra-cluster\tdata \(n)\n"
            }
            try CLI.write(Array(text.utf8), to: "\(folder)/p\(product).txt")
        }
        let result = try CLI.run(["diagram", folder, "--view", "platform", "--format", "svg", "--output", "\(folder)/platform.svg"])
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        let overview = result.stderr.split(separator: "\n").filter { $0.contains("connections are more than") }.map(String.init)
        #expect(overview == [LargeViewTests.overviewNote], "\(result.stderr.suffix(500))")
        let svg = String(decoding: FileManager.default.contents(atPath: "\(folder)/platform.svg") ?? Data(), as: UTF8.self)
        #expect(svg.components(separatedBy: "<g id=\"conn-").count - 1 == 340)
        // A product view of 170 connections stays a layered dot diagram.
        let product = try CLI.run(["diagram", "\(folder)/p0.txt", "--format", "dot"])
        #expect(product.status == 0)
        #expect(product.stdout.components(separatedBy: "[id=\"conn-").count - 1 == 170)
        #expect(!product.stdout.contains("layout=sfdp"))
    }
}
