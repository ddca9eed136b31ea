import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every document in the input folder and regenerate the output folder.")

    @Option(help: "Folder of documents.")
    var input: String = "Input"

    @Option(help: "Folder to write into; Portolan replaces only the files it writes.")
    var output: String = "Output"

    func run() throws {
        let model = try Inputs.model([input])
        let worst = Inputs.report(model)
        let products = Products.group(model)
        var writer = OutputWriter(root: output)
        for (index, product) in products.enumerated() {
            Console.error("[\(index + 1)/\(products.count)] \(product.name): \(product.connections.count) connections, \(product.services.count) included services")
            try writer.write(try ModelSerialization.json(Model(documents: product.documents)), to: "\(product.slug)/model.json")
            // Per-product outputs of the emitter issues are added below, one call each.
            try DiagramFiles.writeProduct(product, among: products, input: input, writer: &writer)
            try TableOutputs.product(product, input: input, writer: &writer)
        }
        try writer.write(try ModelSerialization.json(model), to: "platform/model.json")
        // Platform-wide outputs, one call each.
        try DiagramFiles.writePlatform(products, input: input, writer: &writer)
        try TableOutputs.platform(products, input: input, writer: &writer)
        let findings = LintOutputs.findings(products, inputs: [input], report: true)
        try LintOutputs.write(findings, products: products, writer: &writer)
        try SiteOutputs.build(products, input: input, findings: findings, writer: &writer)
        let warnings = model.documents.flatMap(\.diagnostics).filter { $0.severity == .warning }.count
        Console.error("read \(model.documents.count) documents (\(products.count) products, \(model.documents.map(\.connections.count).reduce(0, +)) connections, \(warnings) reader warnings, \(findings.count) lint findings: see platform/lint.txt); wrote \(writer.written.count) files to \(output)/")
        if worst == .error { throw ExitCode(1) }
    }
}
