import Foundation
import Testing

/// Configuration YAML and declared components as a user meets them on the command line.
@Suite struct ConfigurationYAMLCLITests {
    static let table = """
        Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection
        1\tBilling API\tLedger\tHTTP\t443\tEgress\tLedger entries.

        """

    @Test func duplicateKeysInConfigurationFilesHaveTheirLines() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.write(Array(Self.table.utf8), to: "\(folder)/billing.txt")
        try CLI.write(Array("silence:\n  - rule: WellKnownPort\n    reason: checked\n    rule: MissingCell\n".utf8), to: "\(folder)/lint.yaml")
        try CLI.write(Array("Ledger: [Books]\nBilling API: [Billing]\nLedger: [Journal]\n".utf8), to: "\(folder)/aliases.yaml")
        let lint = try CLI.run(["lint", folder])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("\(folder)/lint.yaml:4:5: error: duplicate key 'rule' (first at line 2)\n"), "\(lint.stderr)")
        let diagram = try CLI.run(["diagram", "--format", "dot", "--output", "\(folder)/out", folder])
        #expect(diagram.status == 1)
        #expect(diagram.stderr.contains("\(folder)/aliases.yaml:3:1: error: duplicate key 'Ledger' (first at line 1)\n"), "\(diagram.stderr)")
    }

    @Test func declaredExternalIsDrawnOutside() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.write(Array("""
            documents:
              - subject: Billing
                connections:
                  - {number: 1, source: Billing API, destination: Payments Hub, protocol: HTTPS, port: 443, classification: Egress}
            components:
              - {name: Payments Hub, kind: external}
            """.utf8), to: "\(folder)/model.yaml")
        let result = try CLI.run(["diagram", "--format", "dot", "--output", "\(folder)/out", folder])
        #expect(result.status == 0, "\(result.stderr)")
        // One product: --output names the DOT file itself.
        let dot = String(decoding: FileManager.default.contents(atPath: "\(folder)/out") ?? Data(), as: UTF8.self)
        #expect(dot.contains("class=\"component external external egress\""), "\(dot)")
        #expect(!dot.contains("\"node-payments-hub\" [id=\"node-payments-hub\" class=\"component workload"))
    }
}
