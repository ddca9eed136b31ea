import ArgumentParser
import Foundation
import PortolanBuild

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the model read from documents (files or folders) as JSON or YAML.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, yaml }

    @Option(help: "Output format: json (the model with positions and diagnostics) or yaml (the model users can edit and build from).")
    var format: Format = .json

    @OptionGroup var documents: DocumentPaths

    func run() throws {
        var request = Request(parts: [.parse], scopes: [])
        request.modelFormat = format.rawValue
        let run = try Run(request) { try $0.load(documents.paths, configs: []) }
        run.report()
        Console.out(run.result.files["model.\(format.rawValue)"] ?? Data())
        try run.exit()
    }
}
