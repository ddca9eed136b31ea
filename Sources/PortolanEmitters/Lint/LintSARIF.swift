import Foundation
import PortolanAnalysis
import PortolanModel

/// Lint findings as a SARIF 2.1.0 log, the format code-scanning tools read: one run, the
/// rules as the driver's rules, one result per finding with its file, line and column.
public enum LintSARIF {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    struct Log: Encodable {
        var schema = LintSARIF.schema
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "portolan"
        var rules: [Rule]
    }

    struct Text: Encodable { var text: String }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    /// The log for `findings`; `rules` are the rules run (the reader pseudo-rule is added when a finding uses it).
    public static func render(_ findings: [LintFinding], rules: [LintRuleDescription]) throws -> String {
        String(decoding: try data(findings, rules: rules), as: UTF8.self)
    }

    /// The bytes of `render`, without a String of them between (a file's hundreds of megabytes
    /// on a million rows, copied twice), written directly (`bytes`).
    public static func data(_ findings: [LintFinding], rules: [LintRuleDescription]) throws -> Data {
        let rules = withReader(rules, findings)
        do {
            return try bytes(findings, rules: rules)
        } catch is JSONBytes.Unsupported {
            return try ModelSerialization.jsonData(log(findings, rules: rules))
        }
    }

    /// `rules`, and the reader pseudo-rule when a finding uses it.
    static func withReader(_ rules: [LintRuleDescription], _ findings: [LintFinding]) -> [LintRuleDescription] {
        var rules = rules
        if findings.contains(where: { $0.rule == LintRules.reader.id }), !rules.contains(where: { $0.id == LintRules.reader.id }) {
            rules.append(LintRules.reader)
        }
        return rules
    }

    /// The log as values, for the generic writer (what `bytes` must equal).
    static func log(_ findings: [LintFinding], rules: [LintRuleDescription]) -> Log {
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results = findings.map { finding in
            Result(ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: level(finding.severity),
                   message: Text(text: finding.message),
                   locations: [Location(physicalLocation: PhysicalLocation(
                       artifactLocation: ArtifactLocation(uri: uri(finding.path)),
                       region: Region(startLine: max(1, finding.line), startColumn: max(1, finding.column))))],
                   partialFingerprints: ["portolan/v1": fingerprint(finding)])
        }
        return Log(runs: [Run(tool: Tool(driver: Driver(rules: driverRules(rules))), results: results)])
    }

    static func driverRules(_ rules: [LintRuleDescription]) -> [Rule] {
        rules.map {
            Rule(id: $0.id, name: $0.id, shortDescription: Text(text: $0.summary), fullDescription: Text(text: $0.rationale),
                 help: Text(text: $0.summary + " " + $0.rationale))
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative path with its characters percent-encoded as a URI reference needs.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// Stable across line shifts: rule, file, product, connection and message, hashed (FNV-1a).
    static func fingerprint(_ finding: LintFinding) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in [finding.rule, finding.path, finding.product ?? "", finding.message].joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
