import ArgumentParser
import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanModel

struct Netpol: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Kubernetes NetworkPolicies for the intra-cluster flows the inventory places (namespace and pod labels).")

    @Option(help: "Inventory YAML: component name or alias -> namespace, pod labels, addresses, zone.")
    var inventory: String

    @Option(help: "File to write (default: standard output).")
    var output: String?

    @Argument(help: "Documents or folders of documents.")
    var paths: [String]

    func run() throws {
        let model = try Inputs.model(paths)
        var worst = Inputs.report(model)
        let products = Products.group(model)
        let (loaded, severity) = try TableOutputs.loadInventory(inventory, products: products, report: true)
        worst = [worst, severity].compactMap { $0 }.max()
        let sheet = FirewallRules.derive(products, inventory: loaded)
        let (rules, skipped) = NetworkPolicies.plan(sheet)
        try TableOutputs.emit(Data(NetworkPolicies.render(sheet).utf8), output: output)
        Console.error("\(rules.count * 2) NetworkPolicies for \(rules.count) intra-cluster rules; \(skipped.count) intra-cluster rules need inventory entries, a transport or a port")
        if worst == .error { throw ExitCode(1) }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one document or folder") }
    }
}
