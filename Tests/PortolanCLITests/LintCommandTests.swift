import Foundation
import Testing

/// `portolan lint` as a user runs it: output, formats and exit codes.
@Suite struct LintCommandTests {
    @Test func sarifLog() throws {
        let result = try CLI.run(["lint", "--format", "sarif", "Input"])
        #expect(result.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == 8)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == CLI.lines(try CLI.run(["lint", "Input"]).stdout))
        let first = try #require(results.first)
        #expect(first["ruleId"] as? String == "WellKnownPort")
        #expect(first["level"] as? String == "warning")
    }

    @Test func listRulesAndTheRuleReference() throws {
        let list = try CLI.run(["lint", "--list-rules"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) } == [
            "ConnectionNumbering", "CrossProductConflict", "DescriptionMismatch", "MissingCell",
            "NearDuplicateName", "ReversedDirection", "UnknownValue", "WellKnownPort",
        ])
        // The README's rule reference is generated; it must match what the rules say now.
        let docs = try CLI.run(["lint", "--rule-docs"])
        let readme = try String(contentsOfFile: "\(CLI.root)/README.md", encoding: .utf8)
        let begin = "<!-- lint-rules:begin -->\n", end = "<!-- lint-rules:end -->"
        let section = readme.components(separatedBy: begin).dropFirst().first?.components(separatedBy: end).first
        #expect(section == docs.stdout, "regenerate: make readme-lint-rules")
    }

    @Test func badSilenceIsAnError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CLI.write(Array("silence:\n  - rule: MissingCel\n    reason: x\n".utf8), to: "\(folder)/lint.yaml")
        // Nothing is silenced: the findings are those of `lint Input`.
        try CLI.expectRun(["lint", "--config", "\(folder)/lint.yaml", "Input"], folder: folder, status: 1,
                          stdout: .golden(test: "GoldenOutputTests", case: "lint-seeds", ext: "txt"), stderr: .text("""
            $TMP/lint.yaml:2:5: error: unknown rule 'MissingCel'; did you mean 'MissingCell'?
            23 findings (0 errors, 21 warnings, 2 notes) in 5 documents

            """))
    }
}

extension CLI {
    static func lines(_ text: String) -> Int {
        text.split(separator: "\n").count
    }
}
