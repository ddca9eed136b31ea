import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

struct Firewall: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Derive the firewall request sheet (one rule per source, destination, transport and port) from documents.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, md, json
        case terraformAWS = "terraform-aws", terraformAzure = "terraform-azure", terraformGCP = "terraform-gcp"
    }

    @Option(help: "Inventory YAML: component name or alias -> namespace, pod labels, addresses, zone.")
    var inventory: String?

    @Option(help: "Output format: csv, xlsx, md, json, terraform-aws, terraform-azure or terraform-gcp.")
    var format: Format = .csv

    @Option(help: "File to write (default: standard output; xlsx needs a file or a pipe).")
    var output: String?

    @Argument(help: "Documents or folders of documents.")
    var paths: [String]

    func run() throws {
        let model = try Inputs.model(paths)
        var worst = Inputs.report(model)
        let products = Products.group(model)
        var loaded = Inventory.empty
        if let inventory {
            let (parsed, severity) = try TableOutputs.loadInventory(inventory, products: products, report: true)
            loaded = parsed
            worst = [worst, severity].compactMap { $0 }.max()
        }
        let sheet = FirewallRules.derive(products, inventory: loaded)
        let data: Data
        switch format {
        case .csv: data = Data(FirewallCSV.render(sheet).utf8)
        case .xlsx: data = try FirewallXLSX.data(sheet, title: products.map(\.name).joined(separator: ", "))
        case .md: data = Data(FirewallMarkdown.render(sheet, title: products.map(\.name).joined(separator: ", ")).utf8)
        case .json: data = Data(try FirewallJSON.render(sheet).utf8)
        case .terraformAWS: data = Data(TerraformAWS.render(sheet, title: products.map(\.name).joined(separator: ", ")).utf8)
        case .terraformAzure: data = Data(TerraformAzure.render(sheet, title: products.map(\.name).joined(separator: ", ")).utf8)
        case .terraformGCP: data = Data(TerraformGCP.render(sheet, title: products.map(\.name).joined(separator: ", ")).utf8)
        }
        try TableOutputs.emit(data, output: output)
        let flagged = sheet.rules.filter(\.needsConfirmation).count
        Console.error("\(sheet.rules.count) rules (\(sheet.rules(in: .perimeter).count) perimeter, \(sheet.rules(in: .intraCluster).count) intra-cluster); \(flagged) flagged: confirm before filing")
        if worst == .error { throw ExitCode(1) }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one document or folder") }
        if format == .xlsx, output == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("an XLSX workbook is binary: give --output FILE or redirect standard output")
        }
    }
}
