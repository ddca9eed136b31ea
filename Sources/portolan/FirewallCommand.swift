import ArgumentParser
import Foundation
import PortolanBuild

struct Firewall: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Derive the firewall request sheet (one rule per source, destination, transport and port) from documents.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, md, json
        case terraformAWS = "terraform-aws", terraformAzure = "terraform-azure", terraformGCP = "terraform-gcp"

        /// The file of the platform's folder that holds this format.
        var file: String {
            switch self {
            case .csv, .xlsx, .md, .json: "firewall.\(rawValue)"
            case .terraformAWS: "terraform/aws/firewall.tf"
            case .terraformAzure: "terraform/azure/firewall.tf"
            case .terraformGCP: "terraform/gcp/firewall.tf"
            }
        }
    }

    @Option(help: "Inventory YAML: component name or alias -> namespace, pod labels, addresses, zone.")
    var inventory: String?

    @Option(help: "Output format: csv, xlsx, md, json, terraform-aws, terraform-azure or terraform-gcp.")
    var format: Format = .csv

    @Option(help: "File to write (default: standard output; xlsx needs a file or a pipe).")
    var output: String?

    @OptionGroup var documents: DocumentPaths

    func validate() throws {
        if format == .xlsx, output == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("an XLSX workbook is binary: give --output FILE or redirect standard output")
        }
    }

    func run() throws {
        var request = Request(parts: [.firewall], scopes: [.platform])
        request.sheetTitledByProducts = true
        let run = try Run(request) { try $0.load(documents.paths, inventory: inventory, configs: [.inventory]) }
        run.report()
        try Run.emit(run.result.files["platform/\(format.file)"] ?? Data(), output: output)
        if let sheet = run.result.platformSheet {
            let flagged = sheet.rules.filter(\.needsConfirmation).count
            Console.error("\(count(sheet.rules.count, "rule")) (\(sheet.rules(in: .perimeter).count) perimeter, \(sheet.rules(in: .intraCluster).count) intra-cluster); \(flagged) flagged: confirm before filing")
        }
        try run.exit()
    }
}
