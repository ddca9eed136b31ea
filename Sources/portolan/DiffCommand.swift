import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
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
        let before = try Self.model(old), after = try Self.model(new)
        let worst = [Inputs.report(before), Inputs.report(after)].compactMap { $0 }.max()
        let oldProducts = Products.group(before), newProducts = Products.group(after)
        var loaded = Inventory.empty
        if let inventory {
            loaded = try TableOutputs.loadInventory(inventory, products: oldProducts + newProducts, report: true).0
        }
        let diff = Differ.diff(old: oldProducts, new: newProducts, inventory: loaded)
        let data: Data
        switch format {
        case .md: data = Data(DiffMarkdown.render(diff, old: old, new: new).utf8)
        case .json: data = Data(try DiffJSON.render(diff).utf8)
        case .csv: data = Data(DiffCSV.render(diff).utf8)
        case .xlsx: data = try DiffXLSX.data(diff)
        }
        try TableOutputs.emit(data, output: output)
        Console.error("\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed, \(diff.renumbered.count) renumbered; firewall: \(diff.firewall.toAdd.rules.count) rules to add, \(diff.firewall.toRemove.rules.count) to remove")
        if worst == .error { throw ExitCode(1) }
    }

    /// A release: parsed JSON (a file ending in .json) or documents and folders.
    static func model(_ path: String) throws -> Model {
        guard path.lowercased().hasSuffix(".json") else { return try Inputs.model([path]) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Inputs.Failure(description: "\(path): error: no such file, or it cannot be read")
        }
        do {
            return try JSONDecoder().decode(Model.self, from: data)
        } catch {
            throw Inputs.Failure(description: "\(path): error: not the JSON `portolan parse` prints (\(error))")
        }
    }
}
