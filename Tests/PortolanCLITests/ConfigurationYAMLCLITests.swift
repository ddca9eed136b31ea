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
        // The second 'rule' is the one kept: the silence is of MissingCell, which nothing matches.
        try CLI.expectRun(["lint", folder], folder: folder, status: 1, stdout: .text(""), stderr: .text("""
            $TMP/lint.yaml:4:5: error: duplicate key 'rule' (first at line 2)
            $TMP/lint.yaml:2:1: note: this silence of MissingCell matched no finding; remove it if the problem is fixed
            0 findings (0 errors, 0 warnings, 0 notes) in 1 document

            """))
        // `diagram` does not lint: lint.yaml is not read.
        try CLI.expectRun(["diagram", "--format", "dot", "--output", "\(folder)/out", folder], folder: folder, status: 1, stdout: .text(""), stderr: .text("""
            $TMP/aliases.yaml:3:1: error: duplicate key 'Ledger' (first at line 1)

            """))
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
        try CLI.expectRun(["diagram", "--format", "dot", "--output", "\(folder)/out", folder], status: 0, stdout: .text(""), stderr: .text(""))
        // One product: --output names the DOT file itself.
        let dot = String(decoding: FileManager.default.contents(atPath: "\(folder)/out") ?? Data(), as: UTF8.self)
        #expect(dot.contains("class=\"component external external egress\""), "\(dot)")
        #expect(!dot.contains("\"node-payments-hub\" [id=\"node-payments-hub\" class=\"component workload"))
    }
}
