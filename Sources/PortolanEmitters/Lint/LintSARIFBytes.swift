import Foundation
import PortolanAnalysis
import PortolanModel

extension LintSARIF {
    /// The log written directly: the same bytes as `Log`'s `encode(to:)` through the generic
    /// writer (keys sorted, two spaces a level), without a writer per member of each result: a
    /// million rows give 500,000 results, 350 MB. The driver's few rules still go through the
    /// generic writer. `LintSARIFTests` holds the two equal.
    static func bytes(_ findings: [LintFinding], rules: [LintRuleDescription]) throws -> Data {
        let output = JSONBytes.Output()
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        output.append("{\n  \"$schema\" : ")
        output.string(schema)
        output.append(",\n  \"runs\" : [\n    {\n      \"results\" : [\n")
        if findings.isEmpty { output.append("\n") }
        // A file's few paths, each percent-encoded once.
        var uris: [String: String] = [:]
        for (position, finding) in findings.enumerated() {
            let uri: String
            if let known = uris[finding.path] {
                uri = known
            } else {
                uri = Self.uri(finding.path)
                uris[finding.path] = uri
            }
            result(finding, ruleIndex: index[finding.rule] ?? 0, uri: uri, into: output)
            output.append(position == findings.count - 1 ? "\n" : ",\n")
        }
        output.append("      ],\n      \"tool\" : ")
        try JSONBytes.write(Tool(driver: Driver(rules: driverRules(rules))), depth: 3, into: output)
        output.append("\n    }\n  ],\n  \"version\" : ")
        output.string("2.1.0")
        output.append("\n}\n")
        if output.unsupported { throw JSONBytes.Unsupported() }
        return output.data
    }

    /// One result, four levels down (an element of `results`), with its indentation.
    private static func result(_ finding: LintFinding, ruleIndex: Int, uri: String, into output: JSONBytes.Output) {
        output.append("        {\n          \"level\" : ")
        output.append(levelBytes(finding.severity))
        output.append(",\n          \"locations\" : [\n            {\n              \"physicalLocation\" : {\n")
        output.append("                \"artifactLocation\" : {\n                  \"uri\" : ")
        output.string(uri)
        output.append("\n                },\n                \"region\" : {\n                  \"startColumn\" : ")
        output.integer(max(1, finding.column))
        output.append(",\n                  \"startLine\" : ")
        output.integer(max(1, finding.line))
        output.append("\n                }\n              }\n            }\n          ],\n          \"message\" : {\n            \"text\" : ")
        output.string(finding.message)
        output.append("\n          },\n          \"partialFingerprints\" : {\n            \"portolan/v1\" : \"")
        output.append(hex: fingerprintValue(finding))
        output.append("\"\n          },\n          \"ruleId\" : ")
        output.string(finding.rule)
        output.append(",\n          \"ruleIndex\" : ")
        output.integer(ruleIndex)
        output.append("\n        }")
    }

    /// `level` as a JSON string.
    private static func levelBytes(_ severity: Severity) -> StaticString {
        switch severity {
        case .error: "\"error\""
        case .warning: "\"warning\""
        case .note: "\"note\""
        }
    }

    /// `fingerprint`'s number: FNV-1a over rule, path, product and message joined by U+001F,
    /// without making the joined text.
    static func fingerprintValue(_ finding: LintFinding) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        func add(_ text: String) {
            var text = text
            text.withUTF8 { for byte in $0 { add(byte) } }
        }
        add(finding.rule)
        add(0x1F)
        add(finding.path)
        add(0x1F)
        add(finding.product ?? "")
        add(0x1F)
        add(finding.message)
        return hash
    }
}

extension JSONBytes.Output {
    /// Sixteen lowercase hex digits, leading zeros included.
    func append(hex value: UInt64) {
        let digits: StaticString = "0123456789abcdef"
        var text = [UInt8](repeating: 0, count: 16)
        digits.withUTF8Buffer { digits in
            for position in 0..<16 {
                text[position] = digits[Int(value >> UInt64(60 - 4 * position) & 0xF)]
            }
        }
        text.withUnsafeBufferPointer { append($0) }
    }
}
