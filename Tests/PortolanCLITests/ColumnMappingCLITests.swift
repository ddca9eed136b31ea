import Foundation
import Testing

/// `columns.yaml` beside the documents is part of reading: every command reads the same rows.
@Suite struct ColumnMappingCLITests {
    /// 'Carrier' is read as the protocol column by its cells; 'Owner' maps to no role by itself.
    static let table = """
        Connection\tSource\tDestination\tCarrier\tPort\tClassification\tOwner
        1\tBilling API\tLedger\tTCP\t5432\tEgress\tPayments team

        """

    static func folder(columns: String) throws -> (root: String, documents: String) {
        let root = try CLI.temporaryFolder()
        let documents = "\(root)/docs"
        try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
        try CLI.write(Array(table.utf8), to: "\(documents)/billing.txt")
        try CLI.write(Array(columns.utf8), to: "\(documents)/columns.yaml")
        return (root, documents)
    }

    @Test func theMappingReachesParseLintAndFirewall() throws {
        let (root, documents) = try Self.folder(columns: "columns:\n  Owner: description\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Owner's cell is the description now, so it is no attribute and gets no note.
        try CLI.expectRun(["parse", "--format", "yaml", documents], folder: root, status: 0, stdout: .text("""
            # Portolan model, version 1: edit it and build from it with `portolan build --input FOLDER`.
            portolan: 1
            documents:
            - source: docs/billing.txt
              connections:
              - number: 1
                source: Billing API
                destination: Ledger
                protocol: TCP
                port: 5432
                classification: Egress
                description: Payments team

            """), stderr: .text("""
            $TMP/docs/billing.txt:1:1: note: column 'Carrier' is not a header Portolan knows; its cells are protocols, so it was read as the protocol column

            """))
        try CLI.expectRun(["lint", documents], folder: root, status: 0, stdout: .text("""
            docs/billing.txt:1:1: note: column 'Carrier' is not a header Portolan knows; its cells are protocols, so it was read as the protocol column [reader]

            """), stderr: .text("1 finding (0 errors, 0 warnings, 1 note) in 1 document\n"))
        // The firewall sheet's justification is the description the mapping gave.
        let run = try CLI.run(["firewall", "--format", "csv", documents])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").last?.contains(",Payments team (application protocol: TCP),") == true, "\(run.stdout)")
    }

    @Test func anUnknownRoleIsAnErrorAtItsLineForEveryCommand() throws {
        let (root, documents) = try Self.folder(columns: "columns:\n  Owner: owner\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = "$TMP/docs/columns.yaml:2:10: error: unknown role 'owner' for column 'Owner'; expected one of attribute, classification, description, destination, direction, ignore, number, party, port, port-protocol, port/protocol, ports, protocol, source, source port, source-port, source/destination"
        for command in [["parse"], ["tables"], ["firewall"], ["site", "--output", "\(root)/site"], ["diagram", "--format", "dot", "--output", "\(root)/out"]] {
            let run = try CLI.run(command + [documents])
            #expect(run.status == 1, "\(command): \(run.stderr)")
            let lines = run.stderr.replacingOccurrences(of: root, with: "$TMP").split(separator: "\n").map(String.init)
            #expect(lines.first == error, "\(command): \(run.stderr)")
        }
    }
}
