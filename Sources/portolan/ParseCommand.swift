import ArgumentParser
import PortolanEmitters
import PortolanModel

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the model read from documents (files or folders) as JSON or YAML.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, yaml }

    @Option(help: "Output format: json (the model with positions and diagnostics) or yaml (the model users can edit and build from).")
    var format: Format = .json

    @Argument(help: "Documents or folders of documents.")
    var paths: [String]

    func run() throws {
        let model = try Inputs.model(paths)
        let worst = Inputs.report(model)
        switch format {
        case .json: Console.out(try ModelSerialization.json(model))
        case .yaml: Console.out(try YAMLModel.emit(model))
        }
        if worst == .error { throw ExitCode(1) }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one document or folder") }
    }
}
