import PortolanAnalysis
import PortolanEmitters
import PortolanModel
import Testing
@testable import PortolanBuild

/// `Pages.findings`: which row, and so which edge, a finding links to when numbers and lines
/// repeat: always the first row (in product, document, row order) of the number or line.
@Suite struct PagesFindingsTests {
    static func row(_ number: String, _ source: String, _ destination: String, line: Int) -> Connection {
        Connection(number: number, source: source, destination: destination, protocol: "TCP",
                   ports: PortSpec(ranges: [PortRange(8000 + line)], text: "\(8000 + line)"), classification: nil,
                   description: "row at \(line)", line: line)
    }

    /// Alpha: a.txt numbers 1 (lines 3 and 4) and 2, and shared.txt line 7; Beta: shared.txt,
    /// another row at line 7 and number 1.
    static let products: [Product] = Products.group(Model(documents: [
        Document(path: "a.txt", subject: "Alpha", connections: [
            row("1", "Web", "API", line: 3), row("1", "API", "DB", line: 4), row("2", "API", "Queue", line: 5),
        ]),
        Document(path: "shared.txt", subject: "Alpha", connections: [row("3", "Queue", "Worker", line: 7)]),
        Document(path: "shared.txt", subject: "Beta", connections: [row("1", "Gateway", "Cache", line: 7)]),
    ]))

    static func finding(_ path: String, _ line: Int, product: String? = nil, connection: String? = nil) -> LintFinding {
        LintFinding(rule: "R", severity: .warning, message: "m", path: path, line: line, column: 2, product: product, connection: connection)
    }

    @Test func firstRowOfANumberOrLineGetsTheLink() throws {
        let graph = ComponentGraphs.platform(Self.products, aliases: AliasTable())
        func edge(_ product: String, line: Int, path: String) throws -> String {
            let index = try #require(Self.products.firstIndex { $0.name == product })
            let rows = Self.products[index].documents.filter { $0.path == path }.flatMap { $0.connections }
            let row = try #require(rows.first { $0.line == line })
            return try #require(graph.edges.first { $0.productSlug == Self.products[index].slug && $0.connection == row }).id
        }
        #expect(Self.products.map { $0.name } == ["Alpha", "Beta"])
        let findings = Pages.findings([
            Self.finding("a.txt", 4, connection: "1"),               // number 1: its first row, line 3
            Self.finding("a.txt", 4),                                 // line 4
            Self.finding("shared.txt", 7),                            // the path's first product, Alpha: its row
            Self.finding("shared.txt", 7, product: "Beta"),           // Beta, but line 7's first row is Alpha's: no edge of Beta's
            Self.finding("shared.txt", 7, product: "Beta", connection: "1"),  // Beta's number 1
            Self.finding("a.txt", 9),                                 // no row at line 9
            Self.finding("other.txt", 1),                             // no product: not on the page
        ], of: Self.products, graph: graph)
        let locations = findings.map { $0.location }
        #expect(locations == ["a.txt:4:2", "a.txt:4:2", "shared.txt:7:2", "shared.txt:7:2", "shared.txt:7:2", "a.txt:9:2"])
        let expected: [String?] = [
            try edge("Alpha", line: 3, path: "a.txt"), try edge("Alpha", line: 4, path: "a.txt"),
            try edge("Alpha", line: 7, path: "shared.txt"), nil, try edge("Beta", line: 7, path: "shared.txt"), nil,
        ]
        #expect(findings.map { $0.edge } == expected)
        #expect(Set(findings.compactMap { $0.edge }).count == 4)
    }
}
