import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// What `build` writes of `portolan lint`: each product's findings as text, and the whole
/// platform's as text and SARIF, with the silences of `lint.yaml` in the input folder.
enum LintOutputs {
    /// Runs the rules once for all products; returns the findings for the site and the summary.
    static func findings(_ products: [Product], model: Model, input: String) -> [LintFinding] {
        var config = LintConfig()
        let path = (input.hasSuffix("/") ? String(input.dropLast()) : input) + "/" + Lint.configFileName
        if let data = FileManager.default.contents(atPath: path) {
            let (parsed, diagnostics) = LintConfig.parse(String(decoding: data, as: UTF8.self))
            for diagnostic in diagnostics { Console.error(diagnostic.formatted(path: path)) }
            config = parsed
        }
        return (Linter.readerFindings(model) + Linter.run(products, config: config).findings).sorted {
            ($0.path, $0.line, $0.column, $0.rule, $0.message) < ($1.path, $1.line, $1.column, $1.rule, $1.message)
        }
    }

    static func write(_ findings: [LintFinding], products: [Product], writer: inout OutputWriter) throws {
        for product in products {
            let paths = Set(product.documents.map(\.path))
            let own = findings.filter { paths.contains($0.path) }
            try writer.write(LintText.render(own), to: "\(product.slug)/lint.txt")
        }
        try writer.write(LintText.render(findings), to: "platform/lint.txt")
        try writer.write(try LintSARIF.render(findings, rules: LintRules.descriptions), to: "platform/lint.sarif")
    }
}
