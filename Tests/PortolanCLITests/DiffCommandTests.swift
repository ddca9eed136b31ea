import Foundation
import Testing

/// `portolan diff` as a user runs it: documents against parsed JSON, formats and exit codes.
@Suite struct DiffCommandTests {
    static let next = "Tests/PortolanAnalysisTests/Fixtures/next-release"

    @Test func parsedJSONAgainstTheNextRelease() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let parsed = try CLI.run(["parse", "Input"])
        try CLI.write(Array(parsed.stdout.utf8), to: "\(folder)/old.json")
        let result = try CLI.run(["diff", "\(folder)/old.json", Self.next])
        #expect(result.status == 0)
        #expect(result.stderr.contains("1 added, 1 removed, 2 changed, 31 renumbered; firewall: 3 rules to add, 3 to remove"))
        #expect(result.stdout.contains("| changed | Voice Microservices | 15 | 15 | Voicemail | Config Service | HTTP | 9100 -&gt; 9200 |"))
    }

    @Test func csvIsTheDeltaFirewallSheet() throws {
        let result = try CLI.run(["diff", "--format", "csv", "Input", Self.next])
        #expect(result.status == 0)
        let rows = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 7)
        #expect(rows[0].hasPrefix("Change,Rule ID,Action,Source,Source address,"))
        #expect(rows.dropFirst().map { String($0.prefix(while: { $0 != "," })) } == ["remove", "remove", "remove", "add", "add", "add"])
    }

    @Test func sameReleaseIsEmpty() throws {
        let result = try CLI.run(["diff", "--format", "json", "Input", "Input"])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["added"] as? [Any])?.isEmpty == true)
        #expect((report["changed"] as? [Any])?.isEmpty == true)
    }

    @Test func missingReleaseFails() throws {
        let result = try CLI.run(["diff", "Input", "no-such-folder"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-folder: error: no such file or folder"))
    }
}
