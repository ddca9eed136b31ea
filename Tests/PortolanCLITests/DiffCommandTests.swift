import Foundation
import Testing

/// `portolan diff` as a user runs it (the whole runs against the next release are in `WholeOutputTests`).
@Suite struct DiffCommandTests {
    @Test func sameReleaseIsEmpty() throws {
        let result = try CLI.run(["diff", "--format", "json", "Input", "Input"])
        #expect(result.status == 0)
        #expect(result.stderr == CLI.seedWarnings + CLI.seedWarnings + "0 added, 0 removed, 0 changed, 0 renumbered; firewall: 0 rules to add, 0 to remove\n")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report.keys.sorted() == ["added", "changed", "firewall", "removed", "renumbered"])
        for key in ["added", "changed", "removed", "renumbered"] { #expect((report[key] as? [Any])?.isEmpty == true, "\(key)") }
        let firewall = try #require(report["firewall"] as? [String: [String: Any]])
        #expect((firewall["toAdd"]?["rules"] as? [Any])?.isEmpty == true)
        #expect((firewall["toRemove"]?["rules"] as? [Any])?.isEmpty == true)
    }
}
