import Foundation
import PortolanAnalysis

/// Lint findings as JSON: the findings in source order and a count per severity; sorted keys.
public enum LintJSON {
    struct Report: Encodable {
        var findings: [LintFinding]
        var counts: [String: Int]
    }

    public static func render(_ findings: [LintFinding]) throws -> String {
        var counts: [String: Int] = ["error": 0, "warning": 0, "note": 0]
        for finding in findings { counts[finding.severity.rawValue, default: 0] += 1 }
        return try ModelSerialization.json(Report(findings: findings, counts: counts))
    }

    public static func ruleList(_ rules: [LintRuleDescription]) throws -> String {
        try ModelSerialization.json(rules)
    }
}
