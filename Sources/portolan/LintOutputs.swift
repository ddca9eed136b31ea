import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

/// What `build` writes of `portolan lint`: each product's findings as text, and the whole
/// platform's as text and SARIF, with the silences of `lint.yaml` in the input folder.
enum LintOutputs {
    /// All findings for these products: the reader's diagnostics and every rule's, less the
    /// silences of `lint.yaml` in the first input folder, in source order.
    static func findings(_ products: [Product], inputs: [String], report: Bool) -> [LintFinding] {
        var config = LintConfig()
        if let file = try? Inputs.configFile(explicit: nil, named: Lint.configFileName, inputs: inputs, what: "lint configuration") {
            let (parsed, diagnostics) = LintConfig.parse(file.text)
            if report { for diagnostic in diagnostics { Console.error(diagnostic.formatted(path: file.path)) } }
            config = parsed
        }
        let model = Model(documents: products.flatMap(\.documents))
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
