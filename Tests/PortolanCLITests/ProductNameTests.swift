import Foundation
import Testing

/// Issue 12: product names that used to take Portolan's own folders or merge with another
/// product's. Every product keeps a folder of its own; a merge is said.
@Suite struct ProductNameTests {
    static let subjects = [
        "Platform", "Site", "Docs", "C++ Service", "C# Service", "日本語サービス", "Ελληνικά",
        "Contact Center Routing Orchestration Reporting Service Region Alpha",
        "Contact Center Routing Orchestration Reporting Service Region Bravo",
        "CX Contact", "cx-contact",
    ]

    static func document(_ subject: String, row: Int) -> String {
        "From the point of view of \(subject) as a service in the network.\n\n"
            + "Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n"
            + "1\tClient \(row)\t\(subject)\tHTTPS\t443\tIngress\tRequests.\n"
    }

    @Test func everyProductHasAFolderOfItsOwn() throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/in", withIntermediateDirectories: true)
        for (index, subject) in Self.subjects.enumerated() {
            try CLI.write(Array(Self.document(subject, row: index + 1).utf8), to: "\(folder)/in/\(String(format: "%02d", index + 1)).txt")
        }
        try CLI.write(Array("# Designer architecture\n\nConnection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n1\tBrowser\tDesigner\tHTTPS\t443\tIngress\tRequests.\n".utf8),
                      to: "\(folder)/in/12.txt")
        // Standard error whole (`testdata/ProductNameTests/build.expected.txt`): the products one by one,
        // the one merge, said on the document that joined, and the summary.
        let result = try CLI.expectRun(["build", "--input", "in", "--output", "out"], in: folder, status: 0, stdout: .text(""),
                                       stderr: .golden(test: "ProductNameTests", case: "build", ext: "txt"))
        let folders = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/out").sorted()
        // Suffixes are the first six hex digits of the name's 32-bit FNV-1a (worked out apart
        // from Portolan, in Python): "Platform" 7bf2ee, "Site" ba38a3, "Docs" 8fcacb,
        // "C# Service" 32c1ac, the long names ...Alpha 4f83c9 and ...Bravo 3cfdb0.
        #expect(folders == [
            "c-service", "c-service-32c1ac",
            "contact-center-routing-orchestration-reporting-service-re-3cfdb0",
            "contact-center-routing-orchestration-reporting-service-re-4f83c9",
            "cx-contact", "designer", "docs", "docs-8fcacb", "ellenika",
            "landscape.dot", "landscape.png", "landscape.svg", "platform", "platform-7bf2ee",
            "ri-ben-yusabisu", "site", "site-ba38a3",
        ])
        // The platform view keeps every connection (12 rows, 11 products: two subjects merged).
        let dot = String(decoding: try #require(FileManager.default.contents(atPath: "\(folder)/out/platform/connections.dot")), as: UTF8.self)
        #expect(dot.components(separatedBy: "[id=\"conn-").count - 1 == 12)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.last?.hasPrefix("read 12 documents (11 products, 12 connections, 0 warnings, ") == true, "\(lines.last ?? "")")
        #expect(lines.contains("in/11.txt: note: the subject 'cx-contact' is read as the product 'CX Contact' (same name but for case, spaces and hyphens); its connections join that product's"))
        // "Designer architecture" names the product Designer.
        let page = String(decoding: try #require(FileManager.default.contents(atPath: "\(folder)/out/site/designer/index.html")), as: UTF8.self)
        #expect(page.contains("<title>Designer · Portolan architecture</title>"))
    }
}
