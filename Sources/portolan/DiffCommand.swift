import ArgumentParser
import Foundation
import PortolanBuild
import PortolanModel

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two releases of the documents: added, removed, changed and renumbered connections, and the delta firewall sheet.",
        discussion: """
            OLD and NEW are each a document, a folder of documents, or the JSON `portolan parse` prints. \
            Connections are matched by product, source, destination and protocol, not by number. \
            md, json and xlsx hold the whole report; csv holds the delta firewall sheet (rules to add and to remove).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json, csv, xlsx }

    @Option(help: "Output format: md, json, csv (delta firewall sheet) or xlsx.")
    var format: Format = .md

    @Option(help: "Inventory YAML for the firewall rules (as `portolan firewall --inventory`).")
    var inventory: String?

    @Option(help: "File to write (default: standard output; xlsx needs a file or a pipe).")
    var output: String?

    @Argument(help: "The older release: a document, a folder, or parsed JSON.")
    var old: String

    @Argument(help: "The newer release: a document, a folder, or parsed JSON.")
    var new: String

    func validate() throws {
        if format == .xlsx, output == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("an XLSX workbook is binary: give --output FILE or redirect standard output")
        }
    }

    func run() throws {
        var request = Request(parts: [.diff], scopes: [])
        request.diffFormat = format.rawValue
        request.diffLabels = (old, new)
        let run = try Run(request) { workspaces in
            let baseline = try Self.release(old, &workspaces)
            var workspace = try Self.release(new, &workspaces, inventory: inventory)
            workspace.baseline = baseline.model
            return workspace
        }
        run.report()
        try Run.emit(run.result.files["diff.\(format.rawValue)"] ?? Data(), output: output)
        if let diff = run.result.diff {
            Console.error("\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed, \(diff.renumbered.count) renumbered; firewall: \(count(diff.firewall.toAdd.rules.count, "rule")) to add, \(diff.firewall.toRemove.rules.count) to remove")
        }
        try run.exit()
    }

    /// A release: parsed JSON (a file ending in .json) or documents and folders.
    static func release(_ path: String, _ workspaces: inout Workspaces, inventory: String? = nil) throws -> Workspace {
        guard path.lowercased().hasSuffix(".json") else {
            return try workspaces.load([path], inventory: inventory, configs: [.inventory])
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(path, "no such file, or it cannot be read") }
        do {
            var workspace = Workspace(model: try JSONDecoder().decode(Model.self, from: data))
            if let inventory, let file = try Workspaces.configFile(explicit: inventory, names: [], folder: nil, what: "inventory file") {
                workspace.inventory = Workspace.inventory(path: file.path, text: file.text)
            }
            return workspace
        } catch let error as DecodingError {
            throw Failure(path, "not the JSON `portolan parse` prints (\(error))")
        }
    }
}
