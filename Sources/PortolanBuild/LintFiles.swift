import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// What the build makes of `portolan lint`: every finding of the run (the readers' diagnostics
/// and the rules', less the silences of the lint configuration), and the files that hold them.
enum LintFiles {
    static func run(_ model: Model, products: [Product], config: LintConfig) -> (findings: [LintFinding], silenced: [(silence: LintConfig.Silence, count: Int)]) {
        let result = Linter.run(products, config: config)
        return (merged(Linter.readerFindings(model), result.findings), result.silenced)
    }

    static func listedBefore(_ a: LintFinding, _ b: LintFinding) -> Bool {
        (a.path, a.line, a.column, a.rule, a.message) < (b.path, b.line, b.column, b.rule, b.message)
    }

    /// The reader's and the rules' findings in one list, in `listedBefore` order (the reader's
    /// first among equals). The rules' come sorted by place already (pages aside): then the
    /// few reader findings are merged in, not the whole list sorted again (500,000 findings of
    /// a million rows).
    static func merged(_ reader: [LintFinding], _ rules: [LintFinding]) -> [LintFinding] {
        guard zip(rules, rules.dropFirst()).allSatisfy({ !listedBefore($1, $0) }) else {
            return (reader + rules).sorted(by: listedBefore)
        }
        // No reader findings: the rules' list itself, not a copy of it.
        if reader.isEmpty { return rules }
        let reader = reader.sorted(by: listedBefore)
        var all: [LintFinding] = []
        all.reserveCapacity(reader.count + rules.count)
        var next = 0
        for finding in rules {
            while next < reader.count, !listedBefore(finding, reader[next]) {
                all.append(reader[next])
                next += 1
            }
            all.append(finding)
        }
        all += reader[next...]
        return all
    }

    /// The file name of a format.
    static func name(format: String) -> String {
        switch format {
        case "json": "lint.json"
        case "sarif": "lint.sarif"
        default: "lint.txt"
        }
    }

    /// All findings in a format: "text", "json" or "sarif".
    static func render(_ findings: [LintFinding], format: String) throws -> (name: String, data: Data) {
        switch format {
        case "json": ("lint.json", try LintJSON.data(findings))
        case "sarif": ("lint.sarif", try LintSARIF.data(findings, rules: LintRules.descriptions))
        default: ("lint.txt", LintText.data(findings))
        }
    }

    /// A product's own findings: those about its documents.
    static func own(_ findings: [LintFinding], of product: Product) -> [LintFinding] {
        let paths = Set(product.documents.map(\.path))
        return findings.filter { paths.contains($0.path) }
    }
}
