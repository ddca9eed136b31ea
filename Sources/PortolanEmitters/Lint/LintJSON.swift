import Foundation
import PortolanAnalysis

/// Lint findings as JSON: the findings in source order and a count per severity; sorted keys.
public enum LintJSON {
    struct Report: Encodable {
        var findings: [LintFinding]
        var counts: [String: Int]
    }

    public static func render(_ findings: [LintFinding]) throws -> String {
        String(decoding: try data(findings), as: UTF8.self)
    }

    /// The bytes of `render`, without a String of them between.
    public static func data(_ findings: [LintFinding]) throws -> Data {
        var counts: [String: Int] = ["error": 0, "warning": 0, "note": 0]
        for finding in findings { counts[finding.severity.rawValue, default: 0] += 1 }
        return try ModelSerialization.jsonData(Report(findings: findings, counts: counts))
    }

    public static func ruleList(_ rules: [LintRuleDescription]) throws -> String {
        try ModelSerialization.json(rules)
    }
}
