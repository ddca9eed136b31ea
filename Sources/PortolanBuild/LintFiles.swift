import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// What the build makes of `portolan lint`: every finding of the run (the readers' diagnostics
/// and the rules', less the silences of the lint configuration), and the files that hold them.
enum LintFiles {
    static func run(_ model: Model, products: [Product], config: LintConfig) -> (findings: [LintFinding], silenced: [(silence: LintConfig.Silence, count: Int)]) {
        let result = Linter.run(products, config: config)
        let findings = (Linter.readerFindings(model) + result.findings).sorted {
            ($0.path, $0.line, $0.column, $0.rule, $0.message) < ($1.path, $1.line, $1.column, $1.rule, $1.message)
        }
        return (findings, result.silenced)
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
        default: ("lint.txt", Data(LintText.render(findings).utf8))
        }
    }

    /// A product's own findings: those about its documents.
    static func own(_ findings: [LintFinding], of product: Product) -> [LintFinding] {
        let paths = Set(product.documents.map(\.path))
        return findings.filter { paths.contains($0.path) }
    }
}
