import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

struct Tables: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print Markdown tables: per product connections, included services and listening ports, then all connections.")

    @Option(help: "File to write (default: standard output).")
    var output: String?

    @Argument(help: "Documents or folders of documents.")
    var paths: [String]

    func run() throws {
        let model = try Inputs.model(paths)
        let worst = Inputs.report(model)
        let products = Products.group(model)
        let pages = products.map(ConnectionTables.product) + [ConnectionTables.platform(products)]
        try TableOutputs.emit(Data(pages.joined(separator: "\n").utf8), output: output)
        if worst == .error { throw ExitCode(1) }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one document or folder") }
    }
}
