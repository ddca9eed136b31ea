import Foundation
import Testing

@Suite struct ParseCommandTests {
    @Test func parsesTheInputFolderDeterministically() throws {
        // Seed 004's empty cells are reported as path:line:col warnings and do not fail the run.
        let first = try CLI.expectRun(["parse", "Input"], status: 0, stdout: .golden(test: "WholeOutputTests", case: "parse-seeds", ext: "json"),
                                      stderr: .text(CLI.seedWarnings))
        let second = try CLI.run(["parse", "Input"])
        #expect(first == second)
        let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        let documents = json["documents"] as! [[String: Any]]
        #expect(documents.map { ($0["connections"] as! [Any]).count } == [13, 0, 27, 60, 22])
        #expect(documents.map { ($0["services"] as! [Any]).count } == [0, 8, 0, 0, 0])
    }

    @Test func jsonKeepsTheDocumentedKeys() throws {
        let result = try CLI.run(["parse", "Input/004_df767b9a2d780938.txt"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let document = (json["documents"] as! [[String: Any]])[0]
        #expect(document["subject"] as? String == "Genesys Voice Platform")
        let connection = (document["connections"] as! [[String: Any]])[12]  // 13: no protocol
        for key in ["number", "source", "destination", "protocol", "ports", "portText", "configurable", "classification", "description", "line"] {
            #expect(connection.keys.contains(key), "missing key \(key)")
        }
        #expect(connection["protocol"] is NSNull)
        #expect(connection["number"] as? String == "13")
        #expect((connection["ports"] as? [[String: Int]]) == [["from": 443, "to": 443]])
    }

    @Test func yamlFormat() throws {
        let result = try CLI.expectRun(["parse", "--format", "yaml", "Input/000_719e74b289d3778a.txt"], status: 0,
                                       stdout: .golden(test: "ParseCommandTests", case: "seed-000", ext: "yaml"), stderr: .text(""))
        #expect(result.stdout.contains("subject: CX Contact\n"))
        #expect(result.stdout.contains("    source: Customer Browser/API\n"))
    }

    @Test func crlfReadsLikeLF() throws {
        let folder = try CLI.temporaryFolder()
        let original = [UInt8](FileManager.default.contents(atPath: "\(CLI.root)/Input/003_5c58bc2aa17e0ed2.txt")!)
        var crlf: [UInt8] = []
        for byte in original { if byte == 0x0A { crlf.append(0x0D) }; crlf.append(byte) }
        try CLI.write(crlf, to: "\(folder)/voice.txt")
        try CLI.write(original, to: "\(folder)/voice-lf.txt")
        let a = try CLI.run(["parse", "\(folder)/voice.txt"]).stdout
        let b = try CLI.run(["parse", "\(folder)/voice-lf.txt"]).stdout
        #expect(a.replacingOccurrences(of: "voice.txt", with: "voice-lf.txt") == b)
    }
}
