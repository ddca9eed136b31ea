import Foundation
import Testing

/// The commands a user runs most, each compared whole: exit code, standard output and
/// standard error (long outputs in `testdata/WholeOutputTests/`, read before committed).
@Suite struct WholeOutputTests {
    static func golden(_ name: String, _ ext: String) -> Expected { .golden(test: "WholeOutputTests", case: name, ext: ext) }
    static let next = "Tests/PortolanAnalysisTests/Fixtures/next-release"
    static let nextWarnings = CLI.seedWarnings.replacingOccurrences(of: "Input/", with: next + "/")

    @Test func parseOfTheSeeds() throws {
        try CLI.expectRun(["parse", "Input"], status: 0, stdout: Self.golden("parse-seeds", "json"), stderr: .text(CLI.seedWarnings))
    }

    @Test func strictLintOfTheSeedsFails() throws {
        try CLI.expectRun(["lint", "--strict", "Input"], status: 1,
                          stdout: .golden(test: "GoldenOutputTests", case: "lint-seeds", ext: "txt"),
                          stderr: .text("23 findings (0 errors, 21 warnings, 2 notes) in 5 documents\n"))
    }

    @Test func lintOfANumberUsedTwice() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.write(Array("""
            Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection
            1\tBilling API\tLedger\tHTTP\t443\tEgress\tLedger entries.
            1\tBilling API\tCache\tRedis\t6379\tEgress\tSessions.

            """.utf8), to: "\(folder)/billing.txt")
        try CLI.expectRun(["lint", "billing.txt"], in: folder, status: 1,
                          stdout: .text("billing.txt:3:1: error: connection 1 is numbered twice (first at line 2) [ConnectionNumbering]\n"),
                          stderr: .text("1 finding (1 error, 0 warnings, 0 notes) in 1 document\n"))
    }

    @Test func diffOfParsedJSONAgainstTheNextRelease() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.write(Array(try CLI.run(["parse", "Input"]).stdout.utf8), to: "\(folder)/old.json")
        try CLI.expectRun(["diff", "\(folder)/old.json", Self.next], folder: folder, status: 0,
                          stdout: Self.golden("diff-next-release", "md"),
                          stderr: .text(CLI.seedWarnings + Self.nextWarnings + "1 added, 1 removed, 2 changed, 31 renumbered; firewall: 3 rules to add, 3 to remove\n"))
    }

    @Test func diffAsTheDeltaFirewallSheet() throws {
        try CLI.expectRun(["diff", "--format", "csv", "Input", Self.next], status: 0,
                          stdout: Self.golden("diff-next-release", "csv"),
                          stderr: .text(CLI.seedWarnings + Self.nextWarnings + "1 added, 1 removed, 2 changed, 31 renumbered; firewall: 3 rules to add, 3 to remove\n"))
    }

    @Test func diffWithAMissingRelease() throws {
        try CLI.expectRun(["diff", "Input", "no-such-folder"], status: 1, stdout: .text(""),
                          stderr: .text("no-such-folder: error: no such file or folder\n"))
    }

    @Test func netpolOfTheSeeds() throws {
        // 12 pods placed; 21 of their 24 directions have a peer the inventory cannot place (one
        // warning per peer), so 3 NetworkPolicies are written.
        try CLI.expectRun(["netpol", "--inventory", "Input/inventory.yaml", "Input"], status: 0,
                          stdout: Self.golden("netpol-seeds", "yaml"), stderr: Self.golden("netpol-seeds-stderr", "txt"))
    }

    /// Without --inventory, the folder's inventory.yaml places the pods: the same policies.
    @Test func netpolReadsTheFoldersInventory() throws {
        try CLI.expectRun(["netpol", "Input"], status: 0,
                          stdout: Self.golden("netpol-seeds", "yaml"), stderr: Self.golden("netpol-seeds-stderr", "txt"))
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.write(Array("Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n1\tA\tB\tHTTPS\t443\tEgress\tx.\n".utf8), to: "\(folder)/one.txt")
        try CLI.expectRun(["netpol", folder], folder: folder, status: 1, stdout: .text(""), stderr: .text(
            "$TMP: error: no inventory.yaml here: netpol places pods by an inventory (give --inventory FILE)\n"))
    }

    /// The folder's inventory.yaml is read as build reads it: the sheet is build's platform sheet.
    @Test func firewallOfTheSeeds() throws {
        try CLI.expectRun(["firewall", "Input"], status: 0, stdout: Self.golden("firewall-seeds", "csv"),
                          stderr: .text(CLI.seedWarnings + "131 rules (66 perimeter, 65 intra-cluster); 32 flagged: confirm before filing\n"))
    }

    @Test func firewallOfOneRow() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.write(Array("Connection\tSource\tDestination\tProtocol\tPort\tClassification\tData that travels on this connection\n1\tA\tB\tHTTPS\t443\tEgress\tx.\n".utf8), to: "\(folder)/one.txt")
        // CSV rows end in CRLF (RFC 4180); the rule ID is the hash of source, destination, transport and port.
        try CLI.expectRun(["firewall", "one.txt"], in: folder, status: 0,
                          stdout: .text("Rule ID,Action,Source,Source address,Destination,Destination address,Protocol,Destination port(s),Direction,Business justification,Product,Environment,Source document and row(s),Flags,Requested by,Ticket\r\n"
                                        + "fw-d99fff2c,allow,A,to be provided,B,to be provided,TCP,443,perimeter out,x. (application protocol: HTTPS),one,,one.txt: #1 (line 2),,,\r\n"),
                          stderr: .text("1 rule (1 perimeter, 0 intra-cluster); 0 flagged: confirm before filing\n"))
    }

    @Test func diagramFocusedOnAnUnknownName() throws {
        try CLI.expectRun(["diagram", "--focus", "Voicemal", "Input"], status: 1, stdout: .text(""),
                          stderr: .text(CLI.seedWarnings + "portolan: error: no component is called \"Voicemal\"; did you mean \"Voicemail\"?\n"))
        try CLI.expectRun(["diagram", "--focus", "Nosuch Thing", "Input"], status: 1, stdout: .text(""),
                          stderr: .text(CLI.seedWarnings + "portolan: error: no component is called \"Nosuch Thing\"\n"))
    }
}
